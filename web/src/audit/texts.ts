/**
 * The words of the audit trail, shown on the session, shipment and desa pages: what each action
 * is called, and the details that go with it (role names and receipt states come from their areas).
 */

import { type Text, texts } from '../lang.ts';
import { stateTexts } from '../logistics/states.ts';
import { unitTexts } from '../regions/lookup.ts';
import { roleTexts } from '../sessions/texts.ts';
import { commonTexts } from '../texts.ts';

const auditTexts = {
  'audit.title': { id: 'Riwayat', en: 'History' },
  'audit.empty': { id: 'Belum ada catatan.', en: 'Nothing recorded yet.' },
  'audit.by': { id: 'oleh {name}', en: 'by {name}' },
  'audit.system': { id: 'sistem', en: 'the system' },
  'audit.action.session.created': { id: 'Sesi dibuat', en: 'Session created' },
  'audit.action.registration.created': { id: 'Pendaftaran', en: 'Registration' },
  'audit.action.registration.checkedIn': { id: 'Hadir', en: 'Checked in' },
  'audit.action.registration.cancelled': { id: 'Pendaftaran dibatalkan', en: 'Registration cancelled' },
  'audit.action.registrations.imported': { id: 'Impor pendaftaran', en: 'Registrations imported' },
  'audit.action.item.created': { id: 'Barang ditambahkan', en: 'Item added' },
  'audit.action.item.updated': { id: 'Barang diubah', en: 'Item changed' },
  'audit.action.allocation.set': { id: 'Alokasi diubah manual', en: 'Allocation set by hand' },
  'audit.action.allocation.formulaApplied': { id: 'Rumus alokasi disimpan', en: 'Allocation formula saved' },
  'audit.action.shipment.created': { id: 'Logistik dikirim', en: 'Goods dispatched' },
  'audit.action.shipment.receiptCodeReplaced': {
    id: 'Kode penerimaan baru diterbitkan',
    en: 'New receipt code issued',
  },
  'audit.action.receipt.confirmed': { id: 'Penerimaan dikonfirmasi desa', en: 'Receipt confirmed by the village' },
  'audit.action.receipt.corrected': { id: 'Penerimaan diperbaiki', en: 'Receipt corrected' },
  'audit.action.document.verified': { id: 'Foto BAST diterima', en: 'BAST photo received' },
  'audit.action.document.rejected': { id: 'Berkas ditolak', en: 'File refused' },
  'audit.action.regions.imported': { id: 'Data wilayah diunggah', en: 'Regions uploaded' },
  'audit.receivedBy': { id: 'diterima oleh {name}', en: 'received by {name}' },
  'audit.villages': { id: '{n} desa', en: { one: '{n} village', other: '{n} villages' } },
  'audit.created': { id: '{created} baru', en: '{created} new' },
} satisfies Record<string, Text>;

/** `has` tells whether an action read from the trail has a name here (new ones show as they are). */
export const { t, has } = texts({ ...commonTexts, ...unitTexts, ...roleTexts, ...stateTexts, ...auditTexts });
