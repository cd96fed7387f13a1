/**
 * A shipment's receipt code (after dispatch, shown again from the shipment page, or after issuing a
 * new one): big, with the BAST download (the code travels in `x-receipt-code`, as the BAST prints
 * it as a QR code), the link to copy, and a WhatsApp click-to-chat link with a prepared message
 * (no paid API). The page keeps the code only in its memory, never stored on the device.
 */
import { ApiError, download } from '../api.ts';
import { h, saveBlob } from '../dom.ts';
import { notice } from '../forms.ts';
import { t } from './texts.ts';

export interface CodeTarget {
  shipmentId: string;
  bastNumber: string;
  villageName: string;
  kecamatanName: string;
  regency: string;
  code: string;
  url: string;
  /** The desa's Ketua Panitia, when a session registered one with a phone number. */
  chair?: { name: string; phone: string };
  /** Why the code is shown: a new shipment, the same code again, or a code that replaced the old one. */
  shown?: 'new' | 'again' | 'replaced';
}

const NOTES = { new: 'code.warning', again: 'code.again', replaced: 'code.replaced' } as const;

/** The message a desa receives; always in Bahasa Indonesia, whatever the organizer's page language. */
export function whatsAppMessage(target: CodeTarget): string {
  return [
    `Yth. Panitia Pemilihan Kepala Desa ${target.villageName}, Kec. ${target.kecamatanName}.`,
    `Logistik Pilkades dengan BAST nomor ${target.bastNumber} telah dikirim oleh DPMD ${target.regency}.`,
    'Setelah barang tiba, mohon periksa lalu konfirmasi penerimaannya melalui tautan berikut (tanpa akun):',
    target.url,
    'Tautan ini khusus untuk desa Anda; mohon tidak dibagikan ke pihak lain.',
  ].join('\n');
}

/** `https://wa.me/?text=…`, or straight to the chair's chat when the number is known. */
export function whatsAppLink(target: CodeTarget): string {
  const number = target.chair?.phone.replace(/\D/g, '') ?? '';
  return `https://wa.me/${number}?text=${encodeURIComponent(whatsAppMessage(target))}`;
}

/** Groups of four characters, easier to read out over the phone. */
function grouped(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1 ');
}

async function copy(text: string, source: HTMLElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Older phones or a page without clipboard permission: select the link so it can be copied.
    const range = document.createRange();
    range.selectNodeContents(source);
    const selection = getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

export function receiptCodePanel(target: CodeTarget): HTMLElement {
  const status = h('div', { hidden: true });
  const link = h('a', { class: 'receipt-link', href: target.url, target: '_blank', rel: 'noopener' }, target.url);
  const print = h('button', { type: 'button', class: 'primary' }, t('code.print'));
  print.addEventListener('click', async () => {
    if (print.disabled) return;
    print.disabled = true;
    try {
      const file = await download('getBast', {
        params: { shipmentId: target.shipmentId },
        headers: { 'x-receipt-code': target.code },
        accept: 'application/pdf',
      });
      saveBlob(file.blob, file.fileName ?? `BAST-${target.bastNumber.replace(/[^\w-]+/g, '-')}.pdf`);
    } catch (error) {
      const reason = error instanceof ApiError ? error.message : t('error.network');
      notice(status, 'error', t('code.printFailed', { reason }));
    } finally {
      print.disabled = false;
    }
  });
  const copyButton = h('button', { type: 'button', class: 'secondary' }, t('code.copy'));
  copyButton.addEventListener('click', async () => {
    const done = await copy(target.url, link);
    notice(status, done ? 'ok' : 'error', t(done ? 'code.copied' : 'code.copyFailed'));
  });
  const whatsApp = h(
    'a',
    { class: 'button whatsapp', href: whatsAppLink(target), target: '_blank', rel: 'noopener noreferrer' },
    target.chair ? t('code.whatsappTo', { name: target.chair.name }) : t('code.whatsapp'),
  );
  return h(
    'section',
    { class: 'panel code-panel', 'aria-labelledby': 'code-title' },
    h('h2', { id: 'code-title' }, t('code.title')),
    h('div', { class: 'notice warn', role: 'note' }, t(NOTES[target.shown ?? 'new'])),
    h('p', { class: 'receipt-code', 'aria-label': target.code, 'data-code': target.code }, grouped(target.code)),
    h('p', { class: 'meta' }, t('code.link')),
    h('p', null, link),
    // Shown again from the shipment's page, whose "Cetak ulang BAST" already prints this code.
    h('div', { class: 'button-row' }, target.shown === 'again' ? null : print, copyButton, whatsApp),
    status,
  );
}
