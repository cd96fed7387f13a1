/**
 * What a BAST (Berita Acara Serah Terima, the handover record of a shipment) says, built from the
 * shipment record and the region names: its number, the spelled-out date and place, the two
 * parties, the itemised lines and the receipt link. Pure: no I/O, so every sentence is unit-tested.
 * Indonesian only: the BAST is a legal document and is signed as written.
 */
import { numericDate, spelledDate } from '#shared/kernel/pdf/dates.ts';
import { formatCount } from '#shared/kernel/pdf/numbers.ts';

/** Room to write a missing name or title by hand. */
export const DOTTED = '.............................................';

export interface BastParty {
  name: string;
  title: string;
  /** Whether the name and title were given; when not, the BAST leaves dotted lines to fill in. */
  known: { name: boolean; title: boolean };
}

export interface BastLine {
  no: number;
  name: string;
  /** As printed: "1.025". */
  quantity: string;
  unit: string;
}

export interface BastContent {
  number: string;
  /** `PEMERINTAH KABUPATEN ...` and the office, for the kop. */
  letterhead: [government: string, office: string];
  /** The calendar date of the handover where it is signed (`YYYY-MM-DD`). */
  date: string;
  villageName: string;
  kecamatanName: string;
  /** "Dinas Pemberdayaan Masyarakat dan Desa Kabupaten ..." */
  office: string;
  /** "Panitia Pemilihan Kepala Desa ... Kecamatan ..." */
  committee: string;
  first: BastParty;
  second: BastParty;
  lines: BastLine[];
  receiptUrl: string;
}

/** What the BAST is built from: the parts of the shipment record it prints. */
export interface BastSource {
  bastNumber: string;
  /** The handover date, already the local calendar date (`YYYY-MM-DD`). */
  date: string;
  lines: ReadonlyArray<{ name: string; unit: string; quantity: number }>;
  handedOverBy?: { name: string; title: string };
  receivedBy?: { name: string; title: string };
}

const OFFICE = 'Dinas Pemberdayaan Masyarakat dan Desa';

function party(given: { name: string; title: string } | undefined): BastParty {
  const name = given?.name.trim() ?? '';
  const title = given?.title.trim() ?? '';
  return {
    name: name || DOTTED,
    title: title || DOTTED,
    known: { name: name !== '', title: title !== '' },
  };
}

/**
 * The content of a shipment's BAST. `regencyName` is the configured name ("Kabupaten Ogan
 * Komering Ulu Selatan"); desa and kecamatan names come from the region list (their codes when a
 * desa was removed from it since).
 */
export function buildBast(
  source: BastSource,
  names: { regency: string; village: string; kecamatan: string },
  receiptUrl: string,
): BastContent {
  return {
    number: source.bastNumber,
    letterhead: [`PEMERINTAH ${names.regency}`.toUpperCase(), OFFICE.toUpperCase()],
    date: source.date,
    villageName: names.village,
    kecamatanName: names.kecamatan,
    office: `${OFFICE} ${names.regency}`,
    committee: `Panitia Pemilihan Kepala Desa ${names.village}, Kecamatan ${names.kecamatan}`,
    first: party(source.handedOverBy),
    second: party(source.receivedBy),
    lines: source.lines.map((line, index) => ({
      no: index + 1,
      name: line.name,
      quantity: formatCount(line.quantity),
      unit: line.unit,
    })),
    receiptUrl,
  };
}

/**
 * "Pada hari ini Rabu tanggal Delapan bulan Februari tahun Dua Ribu Dua Puluh Tiga (08-02-2023),
 * bertempat di Desa ..., Kecamatan ..., kami yang bertanda tangan di bawah ini:". The handover
 * takes place where the goods are delivered: the desa whose committee signs for them.
 */
export function openingSentence(content: BastContent): string {
  return (
    `Pada hari ini ${spelledDate(content.date)} (${numericDate(content.date)}), bertempat di ` +
    `Desa ${content.villageName}, Kecamatan ${content.kecamatanName}, kami yang bertanda tangan di bawah ini:`
  );
}

/**
 * "Dalam hal ini bertindak untuk dan atas nama ..., selanjutnya disebut PIHAK PERTAMA." The
 * parties are set apart by capitals alone, as is usual: a justified line keeps one font.
 */
export function capacitySentence(on: string, called: 'PIHAK PERTAMA' | 'PIHAK KEDUA'): string {
  return `Dalam hal ini bertindak untuk dan atas nama ${on}, selanjutnya disebut ${called}.`;
}

/** The sentence that introduces the itemised list. */
export function handoverSentence(): string {
  return (
    'PIHAK PERTAMA menyerahkan kepada PIHAK KEDUA, dan PIHAK KEDUA menerima dari PIHAK PERTAMA, ' +
    'logistik Pemilihan Kepala Desa dengan rincian sebagai berikut:'
  );
}

/** What happens to shortfalls and damage, and the usual closing formula of a berita acara. */
export function closingSentences(): string[] {
  return [
    'Barang tersebut telah diperiksa bersama. Kekurangan atau kerusakan dicatat pada kolom Keterangan dan ' +
      'dilaporkan oleh PIHAK KEDUA dengan memindai kode QR pada berita acara ini.',
    'Demikian Berita Acara Serah Terima ini dibuat dengan sebenarnya dalam rangkap 2 (dua), masing-masing ' +
      'mempunyai kekuatan hukum yang sama, untuk dipergunakan sebagaimana mestinya.',
  ];
}

/**
 * The file name of a BAST: `007/BAST-PILKADES/DPMD/OKU-SELATAN/2026` → `BAST-007-2026.pdf`. A
 * number of another shape keeps its letters and digits, so a download never lacks a name.
 */
export function bastFileName(bastNumber: string): string {
  const parts = bastNumber.split('/');
  const sequence = parts[0] ?? '';
  const year = parts.at(-1) ?? '';
  if (parts.length > 1 && /^\d+$/.test(sequence) && /^\d{4}$/.test(year)) return `BAST-${sequence}-${year}.pdf`;
  return `BAST-${bastNumber.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')}.pdf`;
}
