/**
 * The printed BAST: kop, numbered title, the opening with the spelled-out date and place, the two
 * parties, the itemised list with a blank Keterangan column for handwritten notes, the closing,
 * both signatures side by side, and the receipt QR code the village scans to confirm what arrived.
 * One A4 page for a usual shipment; a long one continues on the next with the header row repeated.
 */
import {
  contentBottom,
  contentWidth,
  createPdf,
  FONT,
  type PdfDocument,
  renderPdf,
} from '#shared/kernel/pdf/document.ts';
import {
  drawDetails,
  drawLetterhead,
  drawNumberedTitle,
  drawParagraph,
  drawSignatureColumns,
  type Signer,
  signatureColumnsHeight,
  stampFooter,
} from '#shared/kernel/pdf/layout.ts';
import { drawQrCode } from '#shared/kernel/pdf/qr.ts';
import { drawTable, type PdfColumn } from '#shared/kernel/pdf/table.ts';
import {
  type BastContent,
  type BastLine,
  type BastParty,
  capacitySentence,
  closingSentences,
  handoverSentence,
  openingSentence,
} from './bast-content.ts';

const GREY = '#404040';
const BODY = 10;
/** Side of the printed QR code in points (about 31 mm): big enough for an older phone's camera. */
const QR_SIZE = 88;
/** Width of the receipt box beside the signatures. */
const RECEIPT_BOX = 140;
/** Space before the closing, between its sentences, and before the signatures, in lines. */
const GAPS = { beforeClosing: 0.5, betweenSentences: 0.3, beforeSignatures: 0.6 } as const;

function columns(width: number): PdfColumn<BastLine>[] {
  const fixed = { no: 30, quantity: 64, unit: 62, note: 150 };
  const name = width - fixed.no - fixed.quantity - fixed.unit - fixed.note;
  return [
    { header: 'No', width: fixed.no, align: 'center', text: (line) => String(line.no) },
    { header: 'Nama Barang', width: name, text: (line) => line.name },
    { header: 'Jumlah', width: fixed.quantity, align: 'right', text: (line) => line.quantity },
    { header: 'Satuan', width: fixed.unit, align: 'center', text: (line) => line.unit },
    // Left blank on purpose: shortfalls and damage are written here by hand at the handover.
    { header: 'Keterangan', width: fixed.note },
  ];
}

function drawParty(
  doc: PdfDocument,
  index: number,
  party: BastParty,
  on: string,
  called: 'PIHAK PERTAMA' | 'PIHAK KEDUA',
): void {
  const left = doc.page.margins.left;
  const indent = left + 18;
  const top = doc.y;
  doc.font(FONT.regular).fontSize(BODY).text(`${index}.`, left, top, { lineBreak: false });
  doc.y = top;
  drawDetails(
    doc,
    [
      ['Nama', party.name],
      ['Jabatan', party.title],
    ],
    { fontSize: BODY, x: indent, labelWidth: 52, bold: (label) => label === 'Nama' && party.known.name },
  );
  drawParagraph(doc, capacitySentence(on, called), { fontSize: BODY, x: indent });
  doc.moveDown(0.35);
}

function signer(role: 'PIHAK PERTAMA' | 'PIHAK KEDUA', capacity: string, party: BastParty): Signer {
  return {
    above: [role, capacity],
    name: party.known.name ? party.name : '(...................................)',
    blank: !party.known.name,
    below: party.known.title ? party.title : 'Jabatan: ...........................',
  };
}

/** The height of the receipt box: the QR code, the caption and the link under it. */
function receiptBoxHeight(doc: PdfDocument, content: BastContent): number {
  const inner = RECEIPT_BOX - 12;
  doc.font(FONT.bold).fontSize(8);
  const caption = doc.heightOfString(CAPTION, { width: inner, align: 'center' });
  doc.font(FONT.regular).fontSize(6.5);
  const link = doc.heightOfString(content.receiptUrl, { width: inner, align: 'center' });
  return 6 + QR_SIZE + caption + 3 + link + 6;
}

const CAPTION = 'Pindai kode ini untuk mengonfirmasi penerimaan barang';

/**
 * The receipt box beside the signatures: the QR code the village scans, what it is for, and the
 * link printed small for whoever cannot scan.
 */
function drawReceiptBox(doc: PdfDocument, content: BastContent, top: number, height: number): void {
  const x = doc.page.margins.left + contentWidth(doc) - RECEIPT_BOX;
  const inner = RECEIPT_BOX - 12;
  doc
    .save()
    .lineWidth(0.75)
    .dash(3, { space: 2 })
    .strokeColor(GREY)
    .rect(x, top, RECEIPT_BOX, height)
    .stroke()
    .restore();
  drawQrCode(doc, content.receiptUrl, { x: x + (RECEIPT_BOX - QR_SIZE) / 2, y: top + 6, size: QR_SIZE });
  doc
    .font(FONT.bold)
    .fontSize(8)
    .fillColor('#000000')
    .text(CAPTION, x + 6, top + 6 + QR_SIZE, { width: inner, align: 'center' });
  doc
    .font(FONT.regular)
    .fontSize(6.5)
    .fillColor(GREY)
    .text(content.receiptUrl, x + 6, doc.y + 3, { width: inner, align: 'center' });
  doc.fillColor('#000000');
}

/**
 * The height of everything below the list: the closing sentences and the signature band. The
 * table keeps its last rows with it, so the signatures never stand alone on a page.
 */
function afterTableHeight(doc: PdfDocument, content: BastContent): number {
  doc.font(FONT.regular).fontSize(BODY);
  const line = doc.currentLineHeight(true);
  const width = contentWidth(doc);
  const sentences = closingSentences().reduce(
    (sum, sentence) => sum + doc.heightOfString(sentence, { width, lineGap: 1.5 }) + GAPS.betweenSentences * line,
    0,
  );
  const gaps = (GAPS.beforeClosing + GAPS.beforeSignatures) * line;
  return sentences + gaps + signatureBandHeight(doc, content) + 4;
}

function signatureBandLayout(doc: PdfDocument, content: BastContent) {
  const signers = [
    signer('PIHAK PERTAMA', 'Yang Menyerahkan,', content.first),
    signer('PIHAK KEDUA', 'Yang Menerima,', content.second),
  ];
  const options = { fontSize: BODY, room: 56, width: contentWidth(doc) - RECEIPT_BOX - 8 };
  const boxHeight = receiptBoxHeight(doc, content);
  const height = Math.max(signatureColumnsHeight(doc, signers, options), boxHeight);
  return { signers, options, boxHeight, height };
}

function signatureBandHeight(doc: PdfDocument, content: BastContent): number {
  return signatureBandLayout(doc, content).height;
}

/**
 * The signatures of both parties side by side, with the receipt box at the right: one band, kept
 * whole on one page.
 */
function drawSignatureBand(doc: PdfDocument, content: BastContent): void {
  const { signers, options, boxHeight, height } = signatureBandLayout(doc, content);
  if (doc.y + height > contentBottom(doc)) doc.addPage();
  const top = doc.y;
  drawReceiptBox(doc, content, top, boxHeight);
  doc.y = top;
  drawSignatureColumns(doc, signers, options);
  doc.x = doc.page.margins.left;
  doc.y = top + height;
}

/** Renders a BAST as an A4 PDF. */
export function bastPdf(content: BastContent): Promise<Buffer> {
  const doc = createPdf({
    title: `Berita Acara Serah Terima ${content.number}`,
    author: content.office,
    subject: `Logistik Pemilihan Kepala Desa ${content.villageName}, Kecamatan ${content.kecamatanName}`,
    lang: 'id',
  });
  const left = doc.page.margins.left;

  drawLetterhead(doc, content.letterhead);
  drawNumberedTitle(doc, ['BERITA ACARA SERAH TERIMA', 'LOGISTIK PEMILIHAN KEPALA DESA'], `Nomor: ${content.number}`);
  drawParagraph(doc, openingSentence(content), { fontSize: BODY });
  doc.moveDown(0.35);
  drawParty(doc, 1, content.first, content.office, 'PIHAK PERTAMA');
  drawParty(doc, 2, content.second, content.committee, 'PIHAK KEDUA');
  drawParagraph(doc, handoverSentence(), { fontSize: BODY });
  doc.moveDown(0.35);

  drawTable(doc, columns(contentWidth(doc)), content.lines, {
    style: { fontSize: BODY, headerFontSize: BODY, padding: 3.5, minRowHeight: 19, stripeFill: null },
    reserveAfter: afterTableHeight(doc, content),
    keepWithEnd: 2,
    onNewPage: (page) => {
      page
        .font(FONT.regular)
        .fontSize(8.5)
        .fillColor(GREY)
        .text(`Berita Acara Serah Terima Nomor: ${content.number} (lanjutan)`, left, page.page.margins.top);
      page.fillColor('#000000');
      page.y = page.page.margins.top + 18;
    },
  });

  doc.moveDown(GAPS.beforeClosing);
  for (const sentence of closingSentences()) {
    drawParagraph(doc, sentence, { fontSize: BODY });
    doc.moveDown(GAPS.betweenSentences);
  }
  doc.moveDown(GAPS.beforeSignatures);
  drawSignatureBand(doc, content);

  stampFooter(doc, `BAST Nomor: ${content.number}`, (page, total) => `Halaman ${page} dari ${total}`);

  return renderPdf(doc);
}
