/**
 * The words the public pages share (the invitation, the pass, the certificate check): the bar,
 * the language switch, what a page says while it loads or when the code is refused. Each page
 * spreads these into its own dictionary, so a phone downloads only the words of its page.
 */

import { render } from '#shared/kernel/i18n/core.ts';
import { roleNames } from '#shared/sessions/messages.ts';
import type { Role } from '#shared/sessions/rules/roles.ts';
import { lang, type Text } from '../lang.ts';

/** Exported for the test that checks every text in both languages. */
export const publicTexts = {
  'pub.lang.switch': { id: 'English', en: 'Bahasa Indonesia' },
  'pub.lang.label': { id: 'Switch to English', en: 'Ganti ke Bahasa Indonesia' },
  'pub.loading': { id: 'Memuat…', en: 'Loading…' },
  'pub.offline.title': { id: 'Tidak ada sinyal', en: 'No signal' },
  'pub.offline.body': {
    id: 'Halaman akan dimuat otomatis saat sinyal kembali.',
    en: 'The page loads by itself when the signal is back.',
  },
  'pub.tooMany.title': { id: 'Terlalu banyak percobaan, coba lagi nanti', en: 'Too many attempts, try again later' },
  'pub.tooMany.body': {
    id: 'Tunggu beberapa menit, lalu buka lagi tautan ini.',
    en: 'Wait a few minutes, then open this link again.',
  },
  'pub.failed.title': { id: 'Server sedang sibuk', en: 'The server is busy' },
  'pub.failed.body': { id: 'Coba lagi sebentar lagi (kode {status}).', en: 'Try again shortly (status {status}).' },
  'pub.retry': { id: 'Coba lagi', en: 'Try again' },
  'pub.unit.village': { id: 'Desa {name}', en: '{name} village' },
  'pub.unit.kecamatan': { id: 'Kecamatan {name}', en: '{name} kecamatan' },
  'pub.whatsapp': { id: 'Kirim lewat WhatsApp', en: 'Send by WhatsApp' },
  'pub.qr': { id: 'Kode QR pass {name}', en: 'Pass QR code of {name}' },
} satisfies Record<string, Text>;

/** A role's name in the page language, as the desk and the recap say it. */
export function roleName(role: Role): string {
  return render(lang(), roleNames[role]);
}
