/**
 * Every sentence the API says to a person, in Bahasa Indonesia first and English second.
 * Keys are stable; handlers and schemas refer to keys, never to sentences.
 */

import { format, type Lang, type Params, type Text } from './core.ts';

export { languageOf } from './core.ts';
export type { Lang, Text };

const id = {
  // Problem titles
  'problem.validation': 'Data yang dikirim belum benar',
  'problem.notFound': 'Data tidak ditemukan',
  'problem.conflict': 'Data bertabrakan dengan data yang sudah ada',
  'problem.unauthorized': 'Silakan masuk terlebih dahulu',
  'problem.forbidden': 'Anda tidak berwenang melakukan tindakan ini',
  'problem.tooLarge': 'Data yang dikirim terlalu besar',
  'problem.mediaType': 'Jenis isi tidak didukung',
  'problem.tooMany': 'Terlalu banyak percobaan',
  'problem.unavailable': 'Layanan sedang sibuk, silakan coba lagi sebentar lagi',
  'problem.internal': 'Terjadi kesalahan pada sistem',
  // Problem details
  'detail.validation': 'Periksa isian yang ditandai lalu kirim lagi.',
  'detail.body.json': 'Isi permintaan bukan JSON yang sah.',
  'detail.body.required': 'Isi permintaan kosong.',
  'detail.body.tooLarge': 'Ukuran maksimal {max} bita.',
  'detail.mediaType': 'Gunakan {expected}.',
  'detail.route': 'Alamat ini tidak dikenal.',
  'detail.retry': 'Coba lagi dalam {seconds} detik.',
  // Field messages
  'field.required': 'Wajib diisi',
  'field.type.string': 'Harus berupa teks',
  'field.type.number': 'Harus berupa angka',
  'field.type.boolean': 'Harus berupa ya/tidak (true/false)',
  'field.type.object': 'Harus berupa objek',
  'field.type.array': 'Harus berupa daftar',
  'field.unknown': 'Kolom ini tidak dikenal',
  'field.tooShort': 'Minimal {minimum} karakter',
  'field.tooLong': 'Maksimal {maximum} karakter',
  'field.tooSmall': 'Minimal {minimum}',
  'field.tooBig': 'Maksimal {maximum}',
  'field.tooFew': 'Minimal {minimum} butir',
  'field.tooMany': 'Maksimal {maximum} butir',
  'field.integer': 'Harus bilangan bulat',
  'field.oneOf': 'Pilih salah satu: {values}',
  'field.invalid': 'Isian tidak valid',
  'field.date': 'Tanggal harus berformat TTTT-BB-HH dan benar-benar ada',
  'field.date.range': 'Tanggal harus antara tahun 1900 dan 2100',
  'field.stageCode': 'Kode tahapan 2–40 huruf besar, angka atau garis bawah (contoh: SOSIALISASI)',
  'field.name': 'Nama berisi sedikitnya dua huruf; boleh memakai titik, koma, tanda petik dan tanda hubung',
  'field.phone': 'Nomor HP tidak valid (contoh: 0812 3456 7890 atau +62 812 3456 7890)',
  'field.villageCode': 'Kode desa tidak valid (contoh: 16.09.01.2001)',
  'field.kecamatanCode': 'Kode kecamatan tidak valid (contoh: 16.09.01)',
  'field.email': 'Alamat e-mail tidak valid (contoh: nama@dpmd.go.id)',
  'field.village.unknown': 'Desa ini tidak terdaftar',
  'field.village.needed': 'Pilih desa untuk peran ini',
  'field.village.notForRole': 'Peran ini tidak memakai desa',
  'field.kecamatan.needed': 'Pilih kecamatan untuk peran ini',
  'field.kecamatan.notForRole': 'Peran ini tidak memakai kecamatan; kecamatan mengikuti desa',
  'field.checkIn.oneOf': 'Isi token pass atau nomor pendaftaran, salah satu saja',
  'field.organization.needed': 'Isi nama instansi (contoh: Polres Tanah Bumbu)',
  'field.organization.notForRole': 'Hanya peserta instansi yang mengisi nama instansi',
  'field.role.notInSession': 'Peran ini tidak diundang ke sesi ini',
  'field.role.unit.village': 'Peran ini berasal dari desa (unit: village)',
  'field.role.unit.kecamatan': 'Peran ini berasal dari kecamatan (unit: kecamatan)',
  'field.role.unit.none': 'Peran ini tidak berasal dari desa atau kecamatan (unit: none)',
  'field.role.duplicate': 'Peran ini muncul lebih dari sekali',
  'field.role.minAboveMax': 'Jumlah minimal tidak boleh melebihi jumlah maksimal',
  'field.role.stillRegistered': 'Peran ini sudah punya pendaftar; tidak dapat dihapus atau diubah jenisnya',
  'field.duplicate': 'Kode ini muncul lebih dari sekali',
  'field.cursor': 'Penanda halaman tidak valid',
  'field.audit.oneTrail': 'Pilih tepat satu: sessionId, shipmentId, waveId, villageCode atau trail',
  'field.itemCode':
    'Kode barang 2–32 karakter: huruf, angka, tanda hubung, garis bawah atau titik (contoh: SEGEL-KOTAK)',
} as const;

export type MessageKey = keyof typeof id;

const en: Record<MessageKey, string> = {
  'problem.validation': 'The request has invalid fields',
  'problem.notFound': 'Not found',
  'problem.conflict': 'Conflicts with existing data',
  'problem.unauthorized': 'Please sign in first',
  'problem.forbidden': 'You may not do this',
  'problem.tooLarge': 'The request is too large',
  'problem.mediaType': 'Unsupported content type',
  'problem.tooMany': 'Too many attempts',
  'problem.unavailable': 'The service is busy, please try again shortly',
  'problem.internal': 'Something went wrong on our side',
  'detail.validation': 'Check the marked fields and send again.',
  'detail.body.json': 'The request body is not valid JSON.',
  'detail.body.required': 'The request body is empty.',
  'detail.body.tooLarge': 'At most {max} bytes.',
  'detail.mediaType': 'Use {expected}.',
  'detail.route': 'This address is unknown.',
  'detail.retry': 'Try again in {seconds} seconds.',
  'field.required': 'Required',
  'field.type.string': 'Must be text',
  'field.type.number': 'Must be a number',
  'field.type.boolean': 'Must be true or false',
  'field.type.object': 'Must be an object',
  'field.type.array': 'Must be a list',
  'field.unknown': 'Unknown field',
  'field.tooShort': 'At least {minimum} characters',
  'field.tooLong': 'At most {maximum} characters',
  'field.tooSmall': 'At least {minimum}',
  'field.tooBig': 'At most {maximum}',
  'field.tooFew': 'At least {minimum} items',
  'field.tooMany': 'At most {maximum} items',
  'field.integer': 'Must be a whole number',
  'field.oneOf': 'Choose one of: {values}',
  'field.invalid': 'Invalid value',
  'field.date': 'Use a real date written YYYY-MM-DD',
  'field.date.range': 'The date must be between the years 1900 and 2100',
  'field.stageCode': 'Stage codes are 2–40 capital letters, digits or underscores (e.g. SOSIALISASI)',
  'field.name': 'Names hold at least two letters; dots, commas, apostrophes and hyphens are fine',
  'field.phone': 'Invalid phone number (e.g. 0812 3456 7890 or +62 812 3456 7890)',
  'field.villageCode': 'Invalid village code (e.g. 16.09.01.2001)',
  'field.kecamatanCode': 'Invalid kecamatan code (e.g. 16.09.01)',
  'field.email': 'Invalid e-mail address (e.g. name@dpmd.go.id)',
  'field.village.unknown': 'This village is not registered',
  'field.village.needed': 'Choose a village for this role',
  'field.village.notForRole': 'This role takes no village',
  'field.kecamatan.needed': 'Choose a kecamatan for this role',
  'field.kecamatan.notForRole': 'This role takes no kecamatan; it follows the village',
  'field.checkIn.oneOf': 'Give either a pass token or a registration id, not both',
  'field.organization.needed': 'Enter the agency (e.g. Polres Tanah Bumbu)',
  'field.organization.notForRole': 'Only agency participants name an agency',
  'field.role.notInSession': 'This role is not invited to this session',
  'field.role.unit.village': 'This role comes from a village (unit: village)',
  'field.role.unit.kecamatan': 'This role comes from a kecamatan (unit: kecamatan)',
  'field.role.unit.none': 'This role comes from no village or kecamatan (unit: none)',
  'field.role.duplicate': 'This role appears more than once',
  'field.role.minAboveMax': 'The minimum cannot exceed the maximum',
  'field.role.stillRegistered': 'This role has registrations; it cannot be removed or change its kind',
  'field.duplicate': 'This code appears more than once',
  'field.cursor': 'Invalid page cursor',
  'field.audit.oneTrail': 'Choose exactly one of sessionId, shipmentId, waveId, villageCode or trail',
  'field.itemCode': 'Item codes are 2–32 letters, digits, hyphens, underscores or dots (e.g. SEGEL-KOTAK)',
};

/** Both dictionaries (the tests check every key says the same placeholders in both). */
export const dictionaries: Record<Lang, Record<MessageKey, string>> = { id, en };

export type MessageParams = Params;

/** Either a key of the shared dictionary above or a sentence of its own. */
export type Message = MessageKey | Text;

/** Renders a message in the given language, filling `{placeholders}` from params. */
export function t(lang: Lang, message: Message, params: MessageParams = {}): string {
  return format(lang, typeof message === 'string' ? dictionaries[lang][message] : message[lang], params);
}

/** Whether a string is one of our message keys (schemas carry keys as their custom errors). */
export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(id, value);
}
