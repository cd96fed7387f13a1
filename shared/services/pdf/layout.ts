/**
 * The parts an Indonesian official record is made of: the kop (government and regency name over
 * a double rule), a centred title, a block of "label : value" details, and a signature block.
 */
import { contentBottom, contentWidth, FONT, type PdfDocument } from './document.ts';

/** The kop: centred bold lines (the first one larger) closed by a thick-and-thin double rule. */
export function drawLetterhead(doc: PdfDocument, lines: readonly string[]): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  lines.forEach((line, index) => {
    doc
      .font(FONT.bold)
      .fontSize(index === 0 ? 13 : 11)
      .text(line, left, doc.y, { width, align: 'center' });
  });
  const y = doc.y + 4;
  doc
    .lineWidth(1.6)
    .moveTo(left, y)
    .lineTo(left + width, y)
    .stroke();
  doc
    .lineWidth(0.5)
    .moveTo(left, y + 2.6)
    .lineTo(left + width, y + 2.6)
    .stroke();
  doc.x = left;
  doc.y = y + 12;
}

/** A centred title and optional subtitle (wrapped, bold). */
export function drawTitle(doc: PdfDocument, title: string, subtitle?: string): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  doc.font(FONT.bold).fontSize(14).text(title, left, doc.y, { width, align: 'center', characterSpacing: 1 });
  if (subtitle)
    doc
      .font(FONT.bold)
      .fontSize(11)
      .text(subtitle, left, doc.y + 2, { width, align: 'center' });
  doc.x = left;
  doc.moveDown(0.8);
}

/** "Hari / Tanggal : Rabu, 8 Februari 2023" lines with the colons aligned. */
export function drawDetails(
  doc: PdfDocument,
  details: ReadonlyArray<readonly [label: string, value: string]>,
  options: { fontSize?: number } = {},
): void {
  const fontSize = options.fontSize ?? 10;
  const left = doc.page.margins.left;
  doc.font(FONT.regular).fontSize(fontSize);
  const labelWidth = Math.max(...details.map(([label]) => doc.widthOfString(label))) + 6;
  const valueX = left + labelWidth + doc.widthOfString(': ');
  const valueWidth = contentWidth(doc) - (valueX - left);
  for (const [label, value] of details) {
    const y = doc.y;
    doc.text(label, left, y, { width: labelWidth, lineBreak: false });
    doc.text(':', left + labelWidth, y, { lineBreak: false });
    doc.text(value, valueX, y, { width: valueWidth });
    doc.y = Math.max(doc.y, y + doc.currentLineHeight(true));
  }
  doc.x = left;
}

/**
 * A signature block on the right half of the page: a date or place line, the signer's title,
 * room to sign, then the name line and an id line. Moves to a new page if it would not fit.
 */
export function drawSignatureBlock(doc: PdfDocument, lines: { above: string[]; name: string; below?: string }): void {
  const fontSize = 9.5;
  const width = contentWidth(doc) / 2.4;
  const x = doc.page.margins.left + contentWidth(doc) - width;
  doc.font(FONT.regular).fontSize(fontSize);
  const needed = (lines.above.length + 2) * doc.currentLineHeight(true) + 48;
  if (doc.y + needed > contentBottom(doc)) doc.addPage();
  for (const line of lines.above) doc.text(line, x, doc.y, { width, align: 'center' });
  doc.y += 44;
  doc.text(lines.name, x, doc.y, { width, align: 'center' });
  if (lines.below) doc.text(lines.below, x, doc.y, { width, align: 'center' });
  doc.x = doc.page.margins.left;
}
