/** The certificate check page's words, Bahasa Indonesia first. */
import { type Text, texts } from '../lang.ts';
import { publicTexts } from '../public/texts.ts';

/** Exported for the test that checks every text in both languages. */
export const certificateTexts = {
  'cert.page.title': { id: 'Cek sertifikat', en: 'Certificate check' },
  'cert.unknown.title': { id: 'Sertifikat tidak ditemukan', en: 'Certificate not found' },
  'cert.unknown.body': {
    id: 'Kode pada sertifikat ini tidak dikenal. Sertifikat yang sah selalu dapat dicek di halaman ini.',
    en: 'The code on this certificate is unknown. A genuine certificate can always be checked on this page.',
  },
  'cert.valid': { id: 'Sertifikat sah', en: 'Genuine certificate' },
  'cert.given': {
    id: 'Diberikan kepada peserta yang hadir pada:',
    en: 'Given to a participant present at:',
  },
} satisfies Record<string, Text>;

export const { t } = texts({ ...publicTexts, ...certificateTexts });
