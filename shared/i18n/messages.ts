/**
 * Every sentence the API says to a person, in Bahasa Indonesia first and English second.
 * Keys are stable; handlers and schemas refer to keys, never to sentences.
 */

export type Lang = 'id' | 'en';

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
  'detail.session.notFound': 'Sesi tidak ditemukan.',
  'detail.registration.notFound': 'Pendaftaran tidak ditemukan.',
  'detail.slotTaken': '{role} {unit} sudah terdaftar atas nama {holder}',
  'detail.phoneTaken': 'Nomor HP {phone} sudah dipakai untuk mendaftarkan {holder}',
  'detail.sessionFull': 'Kuota sesi sudah penuh ({capacity} peserta).',
  'detail.registrationPending': 'Pendaftaran yang sama sedang diproses. Coba lagi sebentar lagi.',
  'detail.capacityBelowRegistered': 'Kuota tidak boleh lebih kecil dari jumlah pendaftar ({registered}).',
  'detail.file.unreadable': 'Berkas tidak dapat dibaca. Gunakan CSV (UTF-8) atau XLSX.',
  'detail.file.columns':
    'Baris pertama berkas harus berisi judul kolom: kode_kecamatan, nama_kecamatan, kode_desa, nama_desa (dpt dan tps boleh ditambahkan).',
  'detail.file.rows': 'Beberapa baris berkas belum benar; perbaiki lalu unggah lagi. Tidak ada data yang disimpan.',
  'detail.shipment.notFound': 'Pengiriman tidak ditemukan.',
  'detail.overAllocation':
    'Pengiriman melebihi alokasi desa. Bila memang disengaja, kirim ulang dengan alasan (override).',
  'detail.receipt.confirmed':
    'Penerimaan sudah dikonfirmasi pada {at}. Perbaikan hanya dapat dilakukan oleh admin DPMD.',
  'detail.receipt.notConfirmed': 'Belum ada konfirmasi penerimaan yang dapat diperbaiki.',
  'detail.receipt.changed': 'Konfirmasi berubah saat Anda memperbaikinya; muat ulang lalu coba lagi.',
  'detail.document.settled': 'Berkas ini sudah diperiksa sebelumnya.',
  'detail.document.rejected': 'Berkas ditolak: {reason}. Unggah ulang berkas yang benar.',
  'detail.shipment.pending': 'Pengiriman yang sama sedang diproses. Coba lagi sebentar lagi.',
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
  'field.name': 'Nama berisi huruf; boleh memakai titik, koma, tanda petik dan tanda hubung',
  'field.phone': 'Nomor HP tidak valid (contoh: 0812 3456 7890 atau +62 812 3456 7890)',
  'field.villageCode': 'Kode desa tidak valid (contoh: 16.09.01.2001)',
  'field.kecamatanCode': 'Kode kecamatan tidak valid (contoh: 16.09.01)',
  'field.village.unknown': 'Desa ini tidak terdaftar',
  'field.village.notInSession': 'Desa ini tidak termasuk peserta sesi ini',
  'field.kecamatan.unknown': 'Kecamatan ini tidak terdaftar',
  'field.kecamatan.notInSession': 'Kecamatan ini tidak termasuk peserta sesi ini',
  'field.village.needed': 'Pilih desa untuk peran ini',
  'field.village.notForRole': 'Peran ini tidak memakai desa',
  'field.kecamatan.needed': 'Pilih kecamatan untuk peran ini',
  'field.kecamatan.notForRole': 'Peran ini tidak memakai kecamatan; kecamatan mengikuti desa',
  'field.village.kecamatanMismatch': 'Kecamatan {kecamatanCode} tidak terdaftar',
  'field.duplicate': 'Kode ini muncul lebih dari sekali',
  'field.cursor': 'Penanda halaman tidak valid',
  'field.column.missing': 'Kolom ini tidak ada di baris judul',
  'field.kecamatan.nameDiffers': 'Nama kecamatan berbeda dari baris sebelumnya dengan kode yang sama',
  'field.noVillages': 'Data wilayah belum diisi; impor data wilayah terlebih dahulu',
  'field.audit.oneTrail': 'Pilih tepat satu: sessionId, shipmentId, villageCode atau trail',
  'field.itemCode': 'Kode barang memakai huruf besar, angka dan garis bawah (contoh: KOTAK_SUARA)',
  'field.item.unknown': 'Barang ini tidak ada di katalog',
  'field.overAllocation': 'Melebihi alokasi: alokasi {allocated}, sudah dikirim {shipped}, diminta {requested}',
  'field.village.noFigures': 'Desa ini belum punya data DPT dan TPS',
  'field.receipt.unknownItem': 'Barang ini tidak ada dalam pengiriman',
  'field.receipt.tooMany': 'Baik + rusak ringan + rusak berat melebihi jumlah kiriman ({shipped})',
  'field.receipt.notReported': 'Barang ini belum diisi',
  'field.receiptCode.mismatch': 'Kode penerimaan tidak cocok dengan pengiriman ini',
  'field.document.missing': 'Berkas belum sampai di penyimpanan; unggah lagi',
  'field.document.size': 'Ukuran berkas tidak sesuai yang disebutkan atau melebihi 10 MB',
  'field.document.type': 'Isi berkas bukan {type} seperti yang disebutkan',
  // Roles and units (used inside sentences)
  'role.KETUA_PANITIA': 'Ketua Panitia',
  'role.SEKRETARIS_PANITIA': 'Sekretaris Panitia',
  'role.ANGGOTA_PANITIA': 'Anggota Panitia',
  'role.KASI_PEMERINTAHAN': 'Kasi Pemerintahan',
  'unit.village': 'Desa {name}',
  'unit.kecamatan': 'Kecamatan {name}',
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
  'detail.session.notFound': 'Session not found.',
  'detail.registration.notFound': 'Registration not found.',
  'detail.slotTaken': '{role} of {unit} is already registered: {holder}',
  'detail.phoneTaken': 'Phone {phone} was already used to register {holder}',
  'detail.sessionFull': 'The session is full ({capacity} participants).',
  'detail.registrationPending': 'The same registration is being processed. Try again shortly.',
  'detail.capacityBelowRegistered': 'Capacity cannot be below the number registered ({registered}).',
  'detail.file.unreadable': 'The file cannot be read. Use CSV (UTF-8) or XLSX.',
  'detail.file.columns':
    'The first row must name the columns: kode_kecamatan, nama_kecamatan, kode_desa, nama_desa (dpt and tps optional).',
  'detail.file.rows': 'Some rows are wrong; fix them and upload again. Nothing was saved.',
  'detail.shipment.notFound': 'Shipment not found.',
  'detail.overAllocation':
    'This shipment exceeds the desa allocation. If that is intended, send it again with a reason (override).',
  'detail.receipt.confirmed': 'Receipt of these goods was already confirmed. Only a DPMD admin can correct it.',
  'detail.receipt.notConfirmed': 'There is no confirmed receipt to correct.',
  'detail.receipt.changed': 'The receipt changed while you corrected it; reload and try again.',
  'detail.document.settled': 'This file was already checked.',
  'detail.document.rejected': 'File refused: {reason}. Upload the right file again.',
  'detail.shipment.pending': 'The same shipment is being processed. Try again shortly.',
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
  'field.name': 'Names hold letters; dots, commas, apostrophes and hyphens are fine',
  'field.phone': 'Invalid phone number (e.g. 0812 3456 7890 or +62 812 3456 7890)',
  'field.villageCode': 'Invalid village code (e.g. 16.09.01.2001)',
  'field.kecamatanCode': 'Invalid kecamatan code (e.g. 16.09.01)',
  'field.village.unknown': 'This village is not registered',
  'field.village.notInSession': 'This village is not expected at this session',
  'field.kecamatan.unknown': 'This kecamatan is not registered',
  'field.kecamatan.notInSession': 'This kecamatan is not expected at this session',
  'field.village.needed': 'Choose a village for this role',
  'field.village.notForRole': 'This role takes no village',
  'field.kecamatan.needed': 'Choose a kecamatan for this role',
  'field.kecamatan.notForRole': 'This role takes no kecamatan; it follows the village',
  'field.village.kecamatanMismatch': 'Kecamatan {kecamatanCode} is not registered',
  'field.duplicate': 'This code appears more than once',
  'field.cursor': 'Invalid page cursor',
  'field.column.missing': 'This column is missing from the header row',
  'field.kecamatan.nameDiffers': 'Kecamatan name differs from an earlier row with the same code',
  'field.noVillages': 'No region data yet; import the regions first',
  'field.audit.oneTrail': 'Choose exactly one of sessionId, shipmentId, villageCode or trail',
  'field.itemCode': 'Item codes use capitals, digits and underscores (e.g. KOTAK_SUARA)',
  'field.item.unknown': 'This item is not in the catalogue',
  'field.overAllocation': 'Over the allocation: allocated {allocated}, shipped {shipped}, requested {requested}',
  'field.village.noFigures': 'This desa has no DPT and TPS figures yet',
  'field.receipt.unknownItem': 'This item is not in the shipment',
  'field.receipt.tooMany': 'Good + lightly + heavily damaged exceeds the shipped quantity ({shipped})',
  'field.receipt.notReported': 'This item is not filled in yet',
  'field.receiptCode.mismatch': 'The receipt code does not match this shipment',
  'field.document.missing': 'The file has not reached storage; upload it again',
  'field.document.size': 'The file size differs from what was declared or exceeds 10 MB',
  'field.document.type': 'The file content is not {type} as declared',
  'role.KETUA_PANITIA': 'Committee chair',
  'role.SEKRETARIS_PANITIA': 'Committee secretary',
  'role.ANGGOTA_PANITIA': 'Committee member',
  'role.KASI_PEMERINTAHAN': 'Kasi Pemerintahan',
  'unit.village': 'village {name}',
  'unit.kecamatan': 'kecamatan {name}',
};

const dictionaries: Record<Lang, Record<MessageKey, string>> = { id, en };

export type MessageParams = Record<string, string | number>;

/** Renders a message in the given language, filling `{placeholders}` from params. */
export function t(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  return dictionaries[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Whether a string is one of our message keys (schemas carry keys as their custom errors). */
export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(id, value);
}

/** Picks the reply language from an Accept-Language header: English if asked for, else Indonesian. */
export function languageOf(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'id';
  for (const part of acceptLanguage.split(',')) {
    const tag = part.trim().toLowerCase().split(';')[0] ?? '';
    if (tag.startsWith('id') || tag.startsWith('in')) return 'id';
    if (tag.startsWith('en')) return 'en';
  }
  return 'id';
}
