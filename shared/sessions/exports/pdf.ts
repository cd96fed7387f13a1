/**
 * The printable daftar hadir: kop, title and details, the per-role recap with its summary
 * sentence, then every registered person with a numbered signature line (absent people are listed
 * too: they sign on paper), and "Halaman 1 dari N" on every page.
 */

import { dayMonthYear, longDate } from '#shared/kernel/pdf/dates.ts';
import { contentWidth, createPdf, FONT, type PdfDocument, renderPdf } from '#shared/kernel/pdf/document.ts';
import { drawDetails, drawLetterhead, drawSignatureBlock, drawTitle, stampFooter } from '#shared/kernel/pdf/layout.ts';
import { type Box, drawTable, type PdfColumn } from '#shared/kernel/pdf/table.ts';
import { roles } from '#shared/sessions/rules/roles.ts';
import type { ExportLabels, ExportLang } from './labels.ts';
import { type AttendanceExport, type ExportRow, missingSentence, recapSentence } from './rows.ts';

const GREY = '#404040';
/** Room the closing signature block takes below the list (see drawSignatureBlock). */
const SIGNATURE_BLOCK_HEIGHT = 120;

/**
 * The classic daftar hadir signature column: the number then a dotted line, odd numbers on the
 * left half and even ones on the right, so neighbours' signatures do not collide.
 */
function drawSignatureLine(doc: PdfDocument, row: ExportRow, box: Box): void {
  const odd = row.no % 2 === 1;
  const start = box.x + (odd ? 4 : box.width * 0.4);
  const end = odd ? box.x + box.width * 0.6 : box.x + box.width - 4;
  const baseline = box.y + box.height - 5;
  const label = `${row.no}.`;
  doc.font(FONT.regular).fontSize(7.5).fillColor(GREY);
  doc.text(label, start, baseline - 7.5, { lineBreak: false });
  doc
    .save()
    .lineWidth(0.5)
    .dash(1, { space: 1.5 })
    .strokeColor(GREY)
    .moveTo(start + doc.widthOfString(label) + 2, baseline)
    .lineTo(end, baseline)
    .stroke()
    .undash()
    .restore();
  doc.fillColor('#000000');
}

function listColumns(labels: ExportLabels): PdfColumn<ExportRow>[] {
  return [
    { header: labels.columns.no, width: 28, align: 'right', text: (row) => String(row.no) },
    { header: labels.columns.name, width: 124, text: (row) => row.fullName },
    { header: labels.columns.role, width: 86, text: (row) => labels.role[row.role] },
    { header: labels.columns.village, width: 76, text: (row) => row.villageName },
    { header: labels.columns.kecamatan, width: 80, text: (row) => row.kecamatanName },
    { header: labels.columns.presentShort, width: 34, align: 'center', text: (row) => (row.present ? '✓' : '') },
    {
      header: labels.columns.signature,
      width: 99,
      draw: (doc, row, _index, box) => drawSignatureLine(doc, row, box),
    },
  ];
}

interface RecapLine {
  label: string;
  registered: number;
  present: number;
  total?: boolean;
}

function drawRecap(doc: PdfDocument, data: AttendanceExport, labels: ExportLabels): void {
  const { recap } = data;
  doc.font(FONT.bold).fontSize(10).text(labels.recap.heading, doc.page.margins.left, doc.y);
  doc.moveDown(0.3);
  const lines: RecapLine[] = roles.flatMap((role) => {
    const tally = recap.byRole[role];
    return tally && tally.registered > 0 ? [{ label: labels.role[role], ...tally }] : [];
  });
  lines.push({ label: labels.recap.total, registered: recap.registered, present: recap.present, total: true });
  const bold = (line: RecapLine) => line.total === true;
  drawTable<RecapLine>(
    doc,
    [
      { header: labels.columns.role, width: 130, text: (line) => line.label, bold },
      { header: labels.columns.registered, width: 70, align: 'right', text: (line) => String(line.registered), bold },
      { header: labels.columns.present, width: 70, align: 'right', text: (line) => String(line.present), bold },
    ],
    lines,
    { style: { fontSize: 9, headerFontSize: 9, minRowHeight: 15, stripeFill: null } },
  );
  doc.moveDown(0.5);
  const width = contentWidth(doc);
  doc
    .font(FONT.bold)
    .fontSize(9.5)
    .text(`${recapSentence(recap, labels)}.`, doc.page.margins.left, doc.y, { width });
  const missing = missingSentence(data.missing, labels);
  doc.moveDown(0.2);
  doc
    .font(FONT.regular)
    .fontSize(9)
    .text(missing ? `${missing}.` : labels.recap.nobodyMissing, { width });
  doc.moveDown(0.8);
}

/** Renders the daftar hadir of a session as PDF bytes. */
export async function attendancePdf(
  data: AttendanceExport,
  labels: ExportLabels,
  lang: ExportLang,
  regencyName: string,
): Promise<Buffer> {
  const { session } = data;
  const date = longDate(session.date, lang);
  const doc = createPdf({
    title: `${labels.title}: ${session.title}`,
    author: regencyName,
    subject: `${session.title}, ${date}, ${session.venue}`,
    lang,
  });

  drawLetterhead(doc, [labels.government(regencyName)]);
  drawTitle(doc, labels.title, session.title);
  drawDetails(doc, [
    [labels.details.date, date],
    [labels.details.venue, session.venue],
  ]);
  doc.moveDown(0.8);
  drawRecap(doc, data, labels);

  const runningHeader = `${labels.title} · ${session.title} · ${date} (${labels.continued})`;
  drawTable(doc, listColumns(labels), data.rows, {
    style: { minRowHeight: 24, fontSize: 8.5, headerFontSize: 8.5, padding: 3 },
    // A heavier rule where a new kecamatan starts, so each kecamatan's desa read as one group.
    reserveAfter: SIGNATURE_BLOCK_HEIGHT,
    // Only the last row goes along with the signature block to a new page: no page is left half empty.
    keepWithEnd: 1,
    separator: (row, previous) => previous !== undefined && row.kecamatanCode !== previous.kecamatanCode,
    onNewPage: (page) => {
      page
        .font(FONT.regular)
        .fontSize(8)
        .fillColor(GREY)
        .text(runningHeader, page.page.margins.left, page.page.margins.top, {
          width: contentWidth(page),
          ellipsis: true,
          height: 12,
        });
      page.fillColor('#000000');
      page.y = page.page.margins.top + 16;
    },
  });

  doc.moveDown(1.5);
  drawSignatureBlock(doc, {
    above: [dayMonthYear(session.date, lang), labels.recordedBy],
    name: labels.signatureName,
    below: labels.idNumber,
  });

  stampFooter(doc, `${labels.title} · ${session.title}`, labels.page, { fontSize: 9, offset: 18 });

  return renderPdf(doc);
}
