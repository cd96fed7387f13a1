/**
 * Where a desa's logistics stand: not shipped, awaiting the village's confirmation, received in
 * full, or with a discrepancy. Its words and badge live here, apart from the logistics pages, so
 * the audit trail (loaded with the session pages) can name a receipt's state without them.
 */
import { type VillageState, villageState } from '#shared/logistics/rules/receipt.ts';
import { h } from '../dom.ts';
import { type Text, texts } from '../lang.ts';
import type { Receipt } from '../types.ts';

export type { VillageState };

/** Also spread into the audit trail's dictionary, which names a receipt's state. */
export const stateTexts = {
  'state.notShipped': { id: 'Belum dikirim', en: 'Not shipped' },
  'state.partlyShipped': { id: 'Sebagian dikirim', en: 'Partly shipped' },
  'state.awaitingConfirmation': { id: 'Menunggu konfirmasi', en: 'Awaiting confirmation' },
  'state.confirmed': { id: 'Diterima lengkap', en: 'Received in full' },
  'state.discrepancy': { id: 'Ada selisih', en: 'Discrepancy' },
  'state.all': { id: 'Semua status', en: 'All states' },
  'state.count': { id: '{label}: {n}', en: '{label}: {n}' },
} satisfies Record<string, Text>;

const { t } = texts(stateTexts);

/** A desa's state as a coloured label. */
export function stateBadge(state: VillageState): HTMLElement {
  return h('span', { class: `badge ${state}` }, t(`state.${state}`));
}

/** A shipment's state: awaiting until the village confirms, then by what it reported. */
export function shipmentState(shipment: { receipt: Receipt | null }): VillageState {
  const { receipt } = shipment;
  return villageState([{ confirmed: receipt !== null, discrepancy: receipt?.discrepancy ?? false }]);
}
