/** The pass page's words, Bahasa Indonesia first. */
import { type Text, texts } from '../lang.ts';
import { publicTexts } from '../public/texts.ts';

/** Exported for the test that checks every text in both languages. */
export const passTexts = {
  'pass.page.title': { id: 'Pass peserta', en: 'Participant pass' },
  'pass.unknown.title': { id: 'Pass tidak dikenal', en: 'Unknown pass' },
  'pass.unknown.body': {
    id: 'Tautan ini tidak membuka pass mana pun, atau pass sudah diganti. Hubungi panitia DPMD.',
    en: 'This link opens no pass, or the pass was replaced. Call the DPMD committee.',
  },
  'pass.show': {
    id: 'Tunjukkan kode QR ini kepada panitia di pintu masuk.',
    en: 'Show this QR code to the committee at the door.',
  },
  'pass.present': { id: 'Sudah hadir, tercatat {time}', en: 'Checked in at {time}' },
  'pass.keep': { id: 'Simpan di HP ini', en: 'Keep on this phone' },
  'pass.kept': {
    id: 'Tersimpan di HP ini: pass tetap tampil walau sinyal hilang.',
    en: 'Kept on this phone: the pass still shows without a signal.',
  },
  'pass.saved': {
    id: 'Ini salinan yang tersimpan di HP ini, disimpan {when}.',
    en: 'This is the copy saved on this phone, saved {when}.',
  },
  'pass.forget': { id: 'Hapus dari HP ini', en: 'Remove from this phone' },
  'pass.share': {
    id: 'Pass {session} untuk {name} ({role}, {unit}): {url}',
    en: 'Pass for {session}: {name} ({role}, {unit}): {url}',
  },
} satisfies Record<string, Text>;

export const { t } = texts({ ...publicTexts, ...passTexts });
