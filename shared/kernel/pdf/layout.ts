/**
 * The parts an Indonesian official record is made of: the kop (government and regency name over
 * a double rule), a centred title, a block of "label : value" details, and a signature block.
 */
import { contentBottom, contentWidth, FONT, PAGE_MARGINS, type PdfDocument, stampPages } from './document.ts';

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

/**
 * The title of a numbered record (a berita acara): bold centred lines, the last one underlined,
 * then "Nomor: ..." in regular type right below, as Indonesian official records set it.
 */
export function drawNumberedTitle(doc: PdfDocument, lines: readonly string[], number: string): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  lines.forEach((line, index) => {
    doc
      .font(FONT.bold)
      .fontSize(12.5)
      .text(line, left, doc.y, { width, align: 'center', underline: index === lines.length - 1 });
  });
  doc
    .font(FONT.regular)
    .fontSize(10.5)
    .text(number, left, doc.y + 2, { width, align: 'center' });
  doc.x = left;
  doc.moveDown(1);
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
  options: { fontSize?: number; x?: number; labelWidth?: number; bold?: (label: string) => boolean } = {},
): void {
  const fontSize = options.fontSize ?? 10;
  const left = options.x ?? doc.page.margins.left;
  doc.font(FONT.regular).fontSize(fontSize);
  const labelWidth = options.labelWidth ?? Math.max(...details.map(([label]) => doc.widthOfString(label))) + 6;
  const valueX = left + labelWidth + doc.widthOfString(': ');
  const valueWidth = doc.page.margins.left + contentWidth(doc) - valueX;
  for (const [label, value] of details) {
    const y = doc.y;
    doc.font(FONT.regular).text(label, left, y, { width: labelWidth, lineBreak: false });
    doc.text(':', left + labelWidth, y, { lineBreak: false });
    doc.font(options.bold?.(label) ? FONT.bold : FONT.regular).text(value, valueX, y, { width: valueWidth });
    doc.y = Math.max(doc.y, y + doc.currentLineHeight(true));
  }
  doc.font(FONT.regular);
  doc.x = doc.page.margins.left;
}

/** A justified paragraph from `x` to the right margin; leaves `doc.y` below it. */
export function drawParagraph(
  doc: PdfDocument,
  text: string,
  options: { fontSize?: number; x?: number; align?: 'left' | 'justify'; lineGap?: number } = {},
): void {
  const x = options.x ?? doc.page.margins.left;
  const width = doc.page.margins.left + contentWidth(doc) - x;
  doc
    .font(FONT.regular)
    .fontSize(options.fontSize ?? 10)
    .text(text, x, doc.y, { width, align: options.align ?? 'justify', lineGap: options.lineGap ?? 1.5 });
  doc.x = doc.page.margins.left;
}

/** One signer's column: the capacity lines, room to sign, the name (bold, underlined) and a line below it. */
export interface Signer {
  above: readonly string[];
  name: string;
  below?: string;
  /** A blank to fill in by hand ("(......)"): printed plain, not bold and underlined. */
  blank?: boolean;
}

interface SignatureOptions {
  fontSize?: number;
  /** Room to sign, in points. */
  room?: number;
  /** Width the columns share, from the left margin; the whole line by default. */
  width?: number;
}

function signatureGeometry(doc: PdfDocument, signers: readonly Signer[], options: SignatureOptions) {
  const fontSize = options.fontSize ?? 10;
  const room = options.room ?? 58;
  const share = (options.width ?? contentWidth(doc)) / signers.length;
  const width = share - 6;
  doc.font(FONT.regular).fontSize(fontSize);
  const lineHeight = doc.currentLineHeight(true);
  const aboveHeight = Math.max(...signers.map((signer) => signer.above.length)) * lineHeight;
  const nameTop = aboveHeight + room;
  const height = Math.max(
    ...signers.map((signer) => {
      doc.font(signer.blank ? FONT.regular : FONT.bold);
      const name = doc.heightOfString(signer.name, { width });
      doc.font(FONT.regular);
      const below = signer.below ? doc.heightOfString(signer.below, { width }) : 0;
      return nameTop + name + below;
    }),
  );
  return { fontSize, share, width, nameTop, height };
}

/** The height signature columns will take, to keep them on one page with what stands beside them. */
export function signatureColumnsHeight(
  doc: PdfDocument,
  signers: readonly Signer[],
  options: SignatureOptions = {},
): number {
  return signatureGeometry(doc, signers, options).height;
}

/**
 * Signature columns side by side (the two parties of a handover), each centred in an equal share
 * of the width. Moves to a new page first if the block would not fit: a signature is never split
 * from its name by a page break.
 */
export function drawSignatureColumns(
  doc: PdfDocument,
  signers: readonly Signer[],
  options: SignatureOptions = {},
): void {
  const { fontSize, share, width, nameTop, height } = signatureGeometry(doc, signers, options);
  const left = doc.page.margins.left;
  if (doc.y + height > contentBottom(doc)) doc.addPage();
  const top = doc.y;
  signers.forEach((signer, index) => {
    const x = left + index * share + 3;
    doc.font(FONT.regular).fontSize(fontSize);
    doc.y = top;
    for (const line of signer.above) doc.text(line, x, doc.y, { width, align: 'center' });
    doc
      .font(signer.blank ? FONT.regular : FONT.bold)
      .text(signer.name, x, top + nameTop, { width, align: 'center', underline: !signer.blank });
    if (signer.below) doc.font(FONT.regular).text(signer.below, x, doc.y, { width, align: 'center' });
  });
  doc.font(FONT.regular);
  doc.x = left;
  doc.y = top + height;
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

/**
 * The running footer of every page once the document is complete: a title on the left, the page
 * number ("Halaman 1 dari 5") on the right, in small grey type below the bottom margin.
 */
export function stampFooter(
  doc: PdfDocument,
  title: string,
  pageLabel: (page: number, total: number) => string,
  style: { fontSize?: number; offset?: number } = {},
): void {
  stampPages(doc, (page, total) => {
    // The bottom margin is lifted while stamping, so place the footer from the fixed margin.
    const y = doc.page.height - PAGE_MARGINS.bottom + (style.offset ?? 20);
    const left = doc.page.margins.left;
    const width = contentWidth(doc);
    doc
      .font(FONT.regular)
      .fontSize(style.fontSize ?? 8)
      .fillColor('#404040');
    doc.text(title, left, y, { width: width * 0.72, lineBreak: false, ellipsis: true });
    doc.text(pageLabel(page, total), left, y, { width, align: 'right', lineBreak: false });
    doc.fillColor('#000000');
  });
}
