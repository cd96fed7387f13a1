/**
 * A participant list as people write it (a spreadsheet from the kecamatan, a CSV saved by Excel)
 * read into registrations: the header row is found by its words ("Nama", "Nama lengkap",
 * "Jabatan", "No HP", …), roles by their Indonesian names ("Ketua Panitia", "Sekretaris",
 * "Kasi Pem"), and a desa by its code or by its name and kecamatan, matched against the regency's
 * regions. Rows that cannot be read say why, by their line in the file. Pure: no DOM, no requests.
 */
import { type Role, roles } from '#shared/sessions/rules/roles.ts';
import { searchKey } from '../dom.ts';
import type { RequestBody } from '../operations.ts';
import type { RegionIndex } from '../regions/lookup.ts';
import type { ImportKey } from './import-texts.ts';

/**
 * Rows per request: the API's limit (`MAX_IMPORT_ROWS` in the registration contract, which the
 * page cannot import without bundling zod; a test holds the two equal).
 */
export const IMPORT_CHUNK = 250;

export type Cell = string | number | boolean | Date | null | undefined;
export type Registration = RequestBody<'register'>;
export type ColumnKind = 'name' | 'role' | 'villageCode' | 'village' | 'kecamatan' | 'kecamatanCode' | 'phone';

/** Why a row cannot be read, as a text key of the import dictionary and its values. */
export interface Reason {
  key: ImportKey;
  params?: Record<string, string | number>;
}

export interface ReadRow {
  /** The row's line in the file (1 = the first line), as a spreadsheet numbers it. */
  line: number;
  input: Registration;
}

export interface UnreadRow {
  line: number;
  reasons: Reason[];
}

export interface ReadFile {
  /** The file's problem as a whole (no header row, no role column…), or null. */
  problem: Reason | null;
  columns: ColumnKind[];
  rows: ReadRow[];
  unread: UnreadRow[];
}

/** Header words (lower case, no spaces or punctuation) and the column each names. */
const HEADERS: Record<ColumnKind, readonly string[]> = {
  name: ['nama', 'namalengkap', 'namapeserta', 'namalengkapdengangelar', 'namadangelar', 'name', 'fullname'],
  role: ['peran', 'jabatan', 'role', 'jabatanpanitia', 'jabatandalampanitia', 'kedudukan', 'peranpeserta'],
  villageCode: ['kodedesa', 'kodedesakelurahan', 'kodekelurahan', 'villagecode'],
  village: ['desa', 'namadesa', 'desakelurahan', 'namadesakelurahan', 'kelurahan', 'asaldesa', 'village'],
  kecamatan: ['kecamatan', 'namakecamatan', 'kec', 'asalkecamatan'],
  kecamatanCode: ['kodekecamatan', 'kodekec', 'kecamatancode'],
  phone: [
    'hp',
    'nohp',
    'nomorhp',
    'nohandphone',
    'nomorhandphone',
    'handphone',
    'telepon',
    'notelepon',
    'nomortelepon',
    'telp',
    'notelp',
    'notlp',
    'wa',
    'nowa',
    'nomorwa',
    'whatsapp',
    'nowhatsapp',
    'nohpwa',
    'phone',
    'telephone',
    'mobile',
  ],
};

/** Role words as offices write them, matched at the start of the spaceless words. */
const ROLE_WORDS: Array<[RegExp, Role]> = [
  [/^(ketua|chair|committeechair|kt$)/, 'KETUA_PANITIA'],
  [/^(sekretaris|sekertaris|sekretariat|sekr|sek$|secretary|committeesecretary|sk$)/, 'SEKRETARIS_PANITIA'],
  [/^(anggota|member|committeemember|ag$)/, 'ANGGOTA_PANITIA'],
  [/^(kasi|kepalaseksi|ks$)/, 'KASI_PEMERINTAHAN'],
];

const VILLAGE_CODE = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;
const KECAMATAN_CODE = /^\d{2}\.\d{2}\.\d{2}$/;

const compact = (text: string) => searchKey(text).replace(/\s+/g, '');
const wordsOf = (text: string) => searchKey(text).replace(/\s+/g, ' ').trim();

/** A cell as text; a phone typed into a number cell gets back the 0 Excel dropped. */
function textOf(cell: Cell, kind?: ColumnKind): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') {
    const digits = Number.isInteger(cell) ? cell.toFixed(0) : String(cell);
    return kind === 'phone' && /^8\d{7,11}$/.test(digits) ? `0${digits}` : digits;
  }
  return String(cell).replace(/\s+/g, ' ').trim();
}

/** The role a cell names, or null. */
export function roleOf(text: string): Role | null {
  const key = compact(text);
  if (!key) return null;
  const exact = roles.find((role) => compact(role) === key);
  if (exact) return exact;
  return ROLE_WORDS.find(([pattern]) => pattern.test(key))?.[1] ?? null;
}

function columnOf(header: string): ColumnKind | null {
  const key = compact(header);
  for (const kind of Object.keys(HEADERS) as ColumnKind[]) if (HEADERS[kind].includes(key)) return kind;
  return null;
}

/** "Desa Sukarami" and "Sukarami", "Kec. Muaradua" and "Muara Dua" are the same place. */
const placeKey = (text: string, prefix: RegExp) => wordsOf(text).replace(prefix, '').replace(/\s+/g, '');
const villageKey = (text: string) => placeKey(text, /^(desa|kelurahan|kel) /);
const kecamatanKey = (text: string) => placeKey(text, /^(kecamatan|kec) /);

interface Places {
  kecamatanByKey: Map<string, string[]>;
  villagesByKey: Map<string, Array<{ code: string; kecamatanCode: string }>>;
}

function placesOf(regions: RegionIndex): Places {
  const kecamatanByKey = new Map<string, string[]>();
  for (const each of regions.kecamatan) {
    const key = kecamatanKey(each.name);
    kecamatanByKey.set(key, [...(kecamatanByKey.get(key) ?? []), each.code]);
  }
  const villagesByKey = new Map<string, Array<{ code: string; kecamatanCode: string }>>();
  for (const each of regions.villages) {
    const key = villageKey(each.name);
    villagesByKey.set(key, [...(villagesByKey.get(key) ?? []), { code: each.code, kecamatanCode: each.kecamatanCode }]);
  }
  return { kecamatanByKey, villagesByKey };
}

/** Finds the header row among the first lines: the one naming a name column. */
function headerOf(rows: Cell[][]): { index: number; columns: Map<ColumnKind, number> } | null {
  for (let index = 0; index < Math.min(rows.length, 10); index++) {
    const columns = new Map<ColumnKind, number>();
    (rows[index] ?? []).forEach((cell, position) => {
      const kind = columnOf(textOf(cell));
      if (kind && !columns.has(kind)) columns.set(kind, position);
    });
    if (columns.has('name')) return { index, columns };
  }
  return null;
}

/**
 * Reads the rows of a file's first sheet. `expected` are the desa the session expects: a desa name
 * that repeats in the regency but only once among them is that one.
 */
export function readRows(rows: Cell[][], regions: RegionIndex, expected: ReadonlySet<string>): ReadFile {
  const header = headerOf(rows);
  const empty = (problem: Reason): ReadFile => ({ problem, columns: [], rows: [], unread: [] });
  if (!header) return empty({ key: 'import.noHeader' });
  const { columns } = header;
  if (!columns.has('role')) return empty({ key: 'import.noRoleColumn' });
  if (!['villageCode', 'village', 'kecamatan', 'kecamatanCode'].some((kind) => columns.has(kind as ColumnKind))) {
    return empty({ key: 'import.noPlaceColumn' });
  }
  const places = placesOf(regions);
  const knownVillages = new Set(regions.villages.map((each) => each.code));
  const knownKecamatan = new Set(regions.kecamatan.map((each) => each.code));
  const read: ReadRow[] = [];
  const unread: UnreadRow[] = [];

  rows.slice(header.index + 1).forEach((cells, offset) => {
    const line = header.index + 2 + offset;
    const value = (kind: ColumnKind) => {
      const position = columns.get(kind);
      return position === undefined ? '' : textOf(cells[position], kind);
    };
    const values = (Object.keys(HEADERS) as ColumnKind[]).map(value);
    if (values.every((each) => each === '')) return;
    const reasons: Reason[] = [];
    const fullName = value('name');
    if (!fullName) reasons.push({ key: 'import.reason.noName' });
    const roleText = value('role');
    const role = roleOf(roleText);
    if (!roleText) reasons.push({ key: 'import.reason.noRole' });
    else if (!role) reasons.push({ key: 'import.reason.role', params: { value: roleText } });

    // The kecamatan the row names, if it names one (by code or by name).
    let kecamatanCode = '';
    const kecamatanCodeText = value('kecamatanCode');
    const kecamatanName = value('kecamatan');
    if (kecamatanCodeText) {
      if (KECAMATAN_CODE.test(kecamatanCodeText) && knownKecamatan.has(kecamatanCodeText))
        kecamatanCode = kecamatanCodeText;
      else reasons.push({ key: 'import.reason.kecamatanCode', params: { value: kecamatanCodeText } });
    } else if (kecamatanName) {
      const found = places.kecamatanByKey.get(kecamatanKey(kecamatanName)) ?? [];
      if (found.length === 1) kecamatanCode = found[0] as string;
      else reasons.push({ key: 'import.reason.kecamatan', params: { value: kecamatanName } });
    }

    // The desa, by code or by name within the kecamatan.
    let villageCode = '';
    const villageCodeText = value('villageCode');
    const villageName = value('village');
    if (villageCodeText) {
      if (VILLAGE_CODE.test(villageCodeText) && knownVillages.has(villageCodeText)) villageCode = villageCodeText;
      else reasons.push({ key: 'import.reason.villageCode', params: { value: villageCodeText } });
    } else if (villageName && (kecamatanCode || !kecamatanName)) {
      const named = places.villagesByKey.get(villageKey(villageName)) ?? [];
      const inKecamatan = kecamatanCode ? named.filter((each) => each.kecamatanCode === kecamatanCode) : named;
      const candidates =
        inKecamatan.length > 1 && inKecamatan.some((each) => expected.has(each.code))
          ? inKecamatan.filter((each) => expected.has(each.code))
          : inKecamatan;
      if (candidates.length === 1) villageCode = (candidates[0] as { code: string }).code;
      else if (candidates.length === 0 && kecamatanCode)
        reasons.push({
          key: 'import.reason.villageIn',
          params: { value: villageName, kecamatan: regions.kecamatanName(kecamatanCode) },
        });
      else if (candidates.length === 0) reasons.push({ key: 'import.reason.village', params: { value: villageName } });
      else
        reasons.push({
          key: 'import.reason.ambiguous',
          params: {
            value: villageName,
            n: candidates.length,
            places: candidates.map((each) => regions.kecamatanName(each.kecamatanCode)).join(', '),
          },
        });
    }

    const input: Registration = { fullName, role: role ?? 'KETUA_PANITIA' };
    if (role === 'KASI_PEMERINTAHAN') {
      const code = kecamatanCode || (villageCode ? (regions.villageKecamatan(villageCode) ?? '') : '');
      if (code) input.kecamatanCode = code;
      else if (!reasons.some((each) => each.key.startsWith('import.reason.kecamatan')))
        reasons.push({ key: 'import.reason.noKecamatan' });
    } else if (role) {
      if (villageCode) input.villageCode = villageCode;
      else if (!reasons.some((each) => /village|ambiguous|kecamatan/.test(each.key)))
        reasons.push({ key: 'import.reason.noVillage' });
    }
    const phone = value('phone');
    if (phone) input.phone = phone;
    if (reasons.length > 0) unread.push({ line, reasons });
    else read.push({ line, input });
  });

  const problem = read.length === 0 && unread.length === 0 ? { key: 'import.empty' as const } : null;
  return { problem, columns: [...columns.keys()], rows: read, unread };
}

/** CSV bytes as text: UTF-8 (with or without its byte order mark), else Windows-1252 as Excel saves it. */
export function decodeCsv(bytes: ArrayBuffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  return text.replace(/^\uFEFF/, '');
}

/** The template's rows: the header people see, and two examples from this session's regions. */
export function templateRows(regions: RegionIndex, expected: ReadonlySet<string>): string[][] {
  const village = regions.villages.find((each) => expected.has(each.code)) ?? regions.villages[0];
  const kecamatan = village ? regions.kecamatanName(village.kecamatanCode) : '';
  return [
    ['Nama lengkap', 'Peran', 'Kecamatan', 'Desa', 'Kode desa', 'No HP'],
    ['H. Ahmad Fauzi, S.Sos.', 'Ketua Panitia', kecamatan, village?.name ?? '', village?.code ?? '', '0812 3456 7890'],
    ['Siti Aminah', 'Sekretaris Panitia', kecamatan, village?.name ?? '', village?.code ?? '', ''],
    ['Drs. Bambang Sutrisno', 'Kasi Pemerintahan', kecamatan, '', '', '0813 2222 3333'],
  ];
}
