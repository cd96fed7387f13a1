/**
 * The session's printed papers beside the daftar hadir: the invitation letters (a "Surat Undangan"
 * per invited desa or kecamatan, with its link and QR), name tags with each person's pass QR
 * (eight per A4), and attendance certificates (one per page, landscape, numbered, with a QR to the
 * page that confirms them). In Bahasa Indonesia, as the regency's letters are.
 */
import type { Principal } from '#shared/kernel/caller.ts';
import { regencyConfig } from '#shared/kernel/config.ts';
import { NotFound } from '#shared/kernel/errors.ts';
import { longDate } from '#shared/kernel/pdf/dates.ts';
import { contentWidth, createPdf, FONT, type PdfDocument, renderPdf } from '#shared/kernel/pdf/document.ts';
import { drawDetails, drawLetterhead, drawParagraph, drawSignatureBlock } from '#shared/kernel/pdf/layout.ts';
import { drawQrCode } from '#shared/kernel/pdf/qr.ts';
import { getRegions } from '#shared/regions/use-cases.ts';
import { roleNames, sessionNotFound } from '../messages.ts';
import type { RegistrationRecord, SessionRecord } from '../records.ts';
import { queryAllRegistrations } from '../repository/registrations.ts';
import { getSession } from '../repository/sessions.ts';
import { type IssuedCertificate, issueCertificate, issueCertificates } from '../use-cases/certificates.ts';
import { createInvitations, expectedFrom } from '../use-cases/invitations.ts';
import { passOf, sessionKey } from '../use-cases/secrets.ts';

const regency = regencyConfig();
const KOP = [`PEMERINTAH ${regency.name}`.toUpperCase(), 'DINAS PEMBERDAYAAN MASYARAKAT DAN DESA'];

type PdfFile = { bytes: Uint8Array; contentType: string; fileName: string };
const pdfFile = async (doc: PdfDocument, fileName: string): Promise<PdfFile> => ({
  bytes: await renderPdf(doc),
  contentType: 'application/pdf',
  fileName,
});

async function sessionOrThrow(sessionId: string): Promise<SessionRecord> {
  const session = await getSession(sessionId);
  if (!session) throw new NotFound(sessionNotFound);
  return session;
}

/** Names of desa and kecamatan, and a registration's place in words. */
async function placeNames() {
  const regions = await getRegions();
  const village = new Map(regions.villages.map((each) => [each.code, each.name]));
  const kecamatan = new Map(regions.kecamatan.map((each) => [each.code, each.name]));
  return (record: Pick<RegistrationRecord, 'villageCode' | 'kecamatanCode' | 'organization'>) => {
    if (record.villageCode) {
      const name = village.get(record.villageCode) ?? record.villageCode;
      const district = kecamatan.get(record.kecamatanCode ?? '') ?? record.kecamatanCode ?? '';
      return `Desa ${name}, Kecamatan ${district}`;
    }
    if (record.kecamatanCode) return `Kecamatan ${kecamatan.get(record.kecamatanCode) ?? record.kecamatanCode}`;
    return record.organization ?? '';
  };
}

/** "Surat Undangan": one page per invited unit, all in one PDF (invitations made first where missing). */
export async function invitationLettersPdf(sessionId: string, principal: Principal | null): Promise<PdfFile> {
  const session = await sessionOrThrow(sessionId);
  const { items } = await createInvitations(sessionId, principal);
  const doc = createPdf({ title: `Surat Undangan ${session.title}`, author: regency.name, lang: 'id' });
  items.forEach((invitation, index) => {
    if (index > 0) doc.addPage();
    drawLetterhead(doc, KOP);
    const left = doc.page.margins.left;
    const width = contentWidth(doc);
    doc.font(FONT.bold).fontSize(13).text('SURAT UNDANGAN', left, doc.y, { width, align: 'center', underline: true });
    doc.moveDown(1);
    const unit =
      invitation.unit.kind === 'village' ? `Desa ${invitation.unit.name}` : `Kecamatan ${invitation.unit.name}`;
    const addressee = `${expectedFrom(session, invitation.unit.kind)} ${unit}`;
    drawDetails(doc, [
      ['Kepada Yth.', addressee],
      ['Perihal', `Undangan ${session.title}`],
    ]);
    doc.moveDown(0.8);
    drawParagraph(
      doc,
      `Dengan hormat, bersama ini kami mengundang ${addressee} untuk menghadiri ${session.title}, yang akan dilaksanakan pada:`,
    );
    doc.moveDown(0.4);
    drawDetails(doc, [
      ['Hari / Tanggal', longDate(session.date)],
      ['Tempat', session.venue],
      ['Peserta', expectedFrom(session, invitation.unit.kind)],
    ]);
    doc.moveDown(0.8);
    drawParagraph(
      doc,
      'Peserta mendaftar sendiri melalui tautan di bawah ini atau dengan memindai kode QR memakai kamera HP. Setiap peserta menerima pass QR pribadi untuk daftar hadir di pintu masuk.',
    );
    doc.moveDown(0.6);
    const qrSize = 118;
    const top = doc.y;
    drawQrCode(doc, invitation.url, { x: left, y: top, size: qrSize });
    doc
      .font(FONT.regular)
      .fontSize(9)
      .text('Tautan pendaftaran:', left + qrSize + 12, top + 30, { width: width - qrSize - 12 });
    doc
      .font(FONT.bold)
      .fontSize(8.5)
      .text(invitation.url, left + qrSize + 12, doc.y + 2, { width: width - qrSize - 12 });
    doc.x = left;
    doc.y = top + qrSize + 14;
    drawParagraph(doc, 'Atas perhatian dan kehadirannya, kami ucapkan terima kasih.');
    doc.moveDown(1);
    drawSignatureBlock(doc, {
      above: [regency.name, 'Kepala Dinas PMD,'],
      name: '(.......................................)',
      below: 'NIP. ..................................',
    });
  });
  return pdfFile(doc, `surat-undangan-${session.date}.pdf`);
}

const BADGE = { columns: 2, rows: 4 } as const;

/** Name tags: eight per A4, each with the person's name as written, role, place, the session and the pass QR. */
export async function badgesPdf(sessionId: string): Promise<PdfFile> {
  const session = await sessionOrThrow(sessionId);
  const [key, { registrations }, placeOf] = await Promise.all([
    sessionKey(session),
    queryAllRegistrations(sessionId),
    placeNames(),
  ]);
  const doc = createPdf({ title: `Tanda Peserta ${session.title}`, author: regency.name, lang: 'id' });
  const left = doc.page.margins.left;
  const top = doc.page.margins.top;
  const width = contentWidth(doc) / BADGE.columns;
  const height = (doc.page.height - top - doc.page.margins.bottom) / BADGE.rows;
  const people = [...registrations].sort(
    (a, b) =>
      (a.kecamatanCode ?? '~').localeCompare(b.kecamatanCode ?? '~') ||
      (a.villageCode ?? '').localeCompare(b.villageCode ?? '') ||
      a.fullName.localeCompare(b.fullName, 'id'),
  );
  people.forEach((person, index) => {
    const slot = index % (BADGE.columns * BADGE.rows);
    if (index > 0 && slot === 0) doc.addPage();
    const x = left + (slot % BADGE.columns) * width;
    const y = top + Math.floor(slot / BADGE.columns) * height;
    doc.save().lineWidth(0.4).dash(3, { space: 3 }).strokeColor('#999999').rect(x, y, width, height).stroke().restore();
    const pad = 10;
    const qr = Math.min(height - 2 * pad - 16, width * 0.4);
    const pass = passOf(key, person);
    if (pass) drawQrCode(doc, pass.url, { x: x + width - pad - qr, y: y + pad, size: qr });
    const textWidth = width - 3 * pad - (pass ? qr : 0);
    doc
      .font(FONT.regular)
      .fontSize(7)
      .fillColor('#555555')
      .text(session.title, x + pad, y + pad, { width: textWidth });
    // The name as written, never broken inside a word: the type shrinks until its longest word fits.
    doc.fillColor('#000000').font(FONT.bold);
    const longest = person.fullName.split(' ').reduce((a, b) => (b.length > a.length ? b : a), '');
    let size = 13;
    while (size > 7 && doc.fontSize(size).widthOfString(longest) > textWidth) size -= 0.5;
    doc.fontSize(size).text(person.fullName, x + pad, doc.y + 6, { width: textWidth });
    doc
      .font(FONT.regular)
      .fontSize(9)
      .text(roleNames[person.role].id, x + pad, doc.y + 3, { width: textWidth });
    doc.fontSize(8).text(placeOf(person), x + pad, doc.y + 1, { width: textWidth });
    doc
      .fontSize(7)
      .fillColor('#555555')
      .text(`${longDate(session.date)} · ${session.venue}`, x + pad, y + height - pad - 16, {
        width: width - 2 * pad,
        lineBreak: false,
        ellipsis: true,
      });
    doc.fillColor('#000000');
  });
  return pdfFile(doc, `tanda-peserta-${session.date}.pdf`);
}

/** "001/SERT-SOS/2027": the certificate's number in its session, and the session's year. */
export function certificateNumber(number: number, session: Pick<SessionRecord, 'date'>): string {
  return `${String(number).padStart(3, '0')}/SERT-SOS/${session.date.slice(0, 4)}`;
}

function drawCertificate(doc: PdfDocument, session: SessionRecord, issued: IssuedCertificate, place: string): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const height = doc.page.height - doc.page.margins.top - doc.page.margins.bottom;
  doc
    .save()
    .lineWidth(3)
    .strokeColor('#1f4e79')
    .rect(left - 8, doc.page.margins.top - 8, width + 16, height + 16)
    .stroke()
    .lineWidth(0.8)
    .rect(left - 2, doc.page.margins.top - 2, width + 4, height + 4)
    .stroke()
    .restore();
  doc.y = doc.page.margins.top + 14;
  drawLetterhead(doc, KOP);
  doc
    .font(FONT.bold)
    .fontSize(30)
    .fillColor('#1f4e79')
    .text('SERTIFIKAT', left, doc.y + 4, { width, align: 'center', characterSpacing: 4 });
  doc.fillColor('#000000').font(FONT.regular).fontSize(10);
  doc.text(`Nomor: ${certificateNumber(issued.number, session)}`, left, doc.y + 2, { width, align: 'center' });
  doc.moveDown(1.2);
  doc.fontSize(11).text('diberikan kepada', left, doc.y, { width, align: 'center' });
  doc.moveDown(0.4);
  doc.font(FONT.bold).fontSize(22).text(issued.record.fullName, left, doc.y, { width, align: 'center' });
  doc
    .font(FONT.regular)
    .fontSize(12)
    .text(`${roleNames[issued.record.role].id} · ${place}`, left, doc.y + 4, {
      width,
      align: 'center',
    });
  doc.moveDown(1);
  doc
    .fontSize(11)
    .text(
      `atas kehadirannya sebagai peserta ${session.title} pada ${longDate(session.date)} di ${session.venue}.`,
      left + 60,
      doc.y,
      { width: width - 120, align: 'center' },
    );
  // The QR and the signature sit at the foot of the frame: drawn with the bottom margin lifted,
  // or pdfkit would start a new page for them.
  const footer = doc.page.height - doc.page.margins.bottom;
  const margin = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  const qr = 84;
  const qrTop = footer - qr - 18;
  drawQrCode(doc, issued.url, { x: left + 10, y: qrTop, size: qr });
  doc
    .fontSize(7)
    .fillColor('#555555')
    .text('Keaslian sertifikat ini dapat diperiksa dengan memindai kode QR.', left + 10, qrTop + qr + 2, {
      width: 260,
      lineBreak: false,
    });
  doc.fillColor('#000000');
  doc.y = footer - 118;
  drawSignatureBlock(doc, {
    above: [regency.name, 'Kepala Dinas PMD,'],
    name: '(.......................................)',
    below: 'NIP. ..................................',
  });
  doc.page.margins.bottom = margin;
}

async function certificatesDocument(
  session: SessionRecord,
  issued: readonly IssuedCertificate[],
): Promise<PdfDocument> {
  const placeOf = await placeNames();
  const doc = createPdf({
    title: `Sertifikat ${session.title}`,
    author: regency.name,
    lang: 'id',
    layout: 'landscape',
  });
  issued.forEach((each, index) => {
    if (index > 0) doc.addPage();
    drawCertificate(doc, session, each, placeOf(each.record));
  });
  return doc;
}

/** A certificate for everyone present, in number order. */
export async function certificatesPdf(sessionId: string): Promise<PdfFile> {
  const session = await sessionOrThrow(sessionId);
  const { registrations } = await queryAllRegistrations(sessionId);
  const issued = await issueCertificates(session, registrations);
  if (issued.length === 0) throw new NotFound();
  return pdfFile(await certificatesDocument(session, issued), `sertifikat-${session.date}.pdf`);
}

/** One person's certificate (only for someone checked in). */
export async function certificatePdf(sessionId: string, registrationId: string): Promise<PdfFile> {
  const { session, issued } = await issueCertificate(sessionId, registrationId);
  const name = issued.record.fullName
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return pdfFile(await certificatesDocument(session, [issued]), `sertifikat-${name || issued.number}.pdf`);
}
