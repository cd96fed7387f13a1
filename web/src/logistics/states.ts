/**
 * Where a desa's logistics stand: not shipped, partly shipped (less than its allocation, confirmed
 * or not), awaiting the village's confirmation, received in full, or with a discrepancy. Its words
 * and badge live here, apart from the logistics pages, so the audit trail (loaded with the session
 * pages) can name a receipt's state without them.
 */
import { shortOfAllocation, type VillageState, villageState } from '#shared/logistics/rules/receipt.ts';
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

type Lines = ReadonlyArray<{ itemCode: string; quantity: number }>;

/** Per item, what a desa was allocated and what its shipments (replacements too) carried, as the summary counts. */
export function desaFigures(
  allocation: Lines,
  shipments: ReadonlyArray<{ lines: Lines }>,
): Map<string, { allocated: number; shipped: number }> {
  const figures = new Map<string, { allocated: number; shipped: number }>();
  const of = (itemCode: string) => {
    let entry = figures.get(itemCode);
    if (!entry) {
      entry = { allocated: 0, shipped: 0 };
      figures.set(itemCode, entry);
    }
    return entry;
  };
  for (const line of allocation) of(line.itemCode).allocated += line.quantity;
  for (const line of shipments.flatMap((each) => each.lines)) of(line.itemCode).shipped += line.quantity;
  return figures;
}

/** A desa's state by the summary's own rule: its shipments' receipts, and whether it is short of its allocation. */
export function desaState(
  shipments: ReadonlyArray<{ receipt: Receipt | null; lines: Lines }>,
  allocation: Lines,
): VillageState {
  const receipts = shipments.map((each) => ({
    confirmed: each.receipt !== null,
    discrepancy: each.receipt?.discrepancy ?? false,
  }));
  return villageState(receipts, shortOfAllocation(desaFigures(allocation, shipments).values()));
}

/**
 * A shipment's state: awaiting until the village confirms, then by what it reported; a shipment
 * received in good order to a desa still short of its allocation is "partly shipped", never "in full".
 */
export function shipmentState(shipment: { receipt: Receipt | null }, desaShort = false): VillageState {
  const { receipt } = shipment;
  const confirmed = receipt !== null;
  return villageState([{ confirmed, discrepancy: receipt?.discrepancy ?? false }], desaShort && confirmed);
}
