/**
 * Replacing what a desa's confirmed receipt found heavily damaged or missing: per shipment, what is
 * still to replace (the receipt's losses less the replacements already sent), a confirmation that
 * names it, then the API sends exactly that and answers the replacement's receipt code, shown once
 * with its BAST, link and WhatsApp message (the logistics pages' code panel).
 */
import { call } from '../api.ts';
import { fill, h } from '../dom.ts';
import { field, notice, onSubmit } from '../forms.ts';
import { receiptCodePanel } from '../logistics/receipt-code.ts';
import type { Shipment, ShipmentSummary } from '../types.ts';
import { t } from './texts.ts';

export interface Lost {
  shipment: Shipment;
  lines: Array<{ itemCode: string; name: string; quantity: number }>;
}

/** What is left to replace of each confirmed shipment that lost goods (read only for those). */
export async function stillLost(shipments: readonly ShipmentSummary[]): Promise<Lost[]> {
  const candidates = shipments.filter((each) =>
    each.receipt?.lines.some((line) => line.majorDamage + line.missing > 0),
  );
  const full = await Promise.all(
    candidates.map(async (each) => (await call('getShipment', { params: { shipmentId: each.id } })).body),
  );
  return full
    .map((shipment): Lost => {
      const replaced = new Map<string, number>();
      for (const replacement of shipment.replacements) {
        for (const [itemCode, quantity] of Object.entries(replacement.lines)) {
          replaced.set(itemCode, (replaced.get(itemCode) ?? 0) + quantity);
        }
      }
      const names = new Map(shipment.lines.map((line) => [line.itemCode, line.name]));
      const lines = (shipment.receipt?.lines ?? [])
        .map((line) => ({
          itemCode: line.itemCode,
          name: names.get(line.itemCode) ?? line.itemCode,
          quantity: line.majorDamage + line.missing - (replaced.get(line.itemCode) ?? 0),
        }))
        .filter((line) => line.quantity > 0);
      return { shipment, lines };
    })
    .filter((lost) => lost.lines.length > 0);
}

export interface ReplaceOptions {
  lost: Lost[];
  regency: string;
  villageName: string;
  kecamatanName: string;
  chair?: { name: string; phone: string };
  /** Where the new receipt code is shown (kept when the card is drawn again). */
  codeBox: HTMLElement;
  done(message: string): Promise<void>;
}

/** A button per shipment with losses; pressed, a confirmation naming what will be sent. */
export function replaceSection(options: ReplaceOptions): HTMLElement | null {
  if (options.lost.length === 0) return null;
  const section = h(
    'section',
    { class: 'replace', 'aria-labelledby': 'replace-head' },
    h('h2', { id: 'replace-head' }, t('replace.title')),
    h('p', { class: 'hint' }, t('replace.intro')),
  );
  for (const { shipment, lines } of options.lost) {
    const slot = h('div', { class: 'replace-slot' });
    const start = h(
      'button',
      { type: 'button', class: 'secondary' },
      t('replace.button', { bast: shipment.bastNumber }),
    );
    start.addEventListener('click', () => {
      start.hidden = true;
      const reason = h('input', { type: 'text', maxlength: 300, autocomplete: 'off' });
      const box = h('div', { hidden: true });
      const yes = h('button', { type: 'submit', class: 'primary' }, t('replace.yes'));
      const cancel = h('button', { type: 'button', class: 'secondary' }, t('common.cancel'));
      const form = h(
        'form',
        { class: 'confirm-step', novalidate: true },
        h('p', null, h('strong', null, t('replace.confirm'))),
        h(
          'ul',
          null,
          lines.map((line) => h('li', null, t('replace.line', { item: line.name, n: line.quantity }))),
        ),
        field('reason', t('replace.reason'), reason),
        box,
        h('div', { class: 'button-row' }, yes, cancel),
      );
      cancel.addEventListener('click', () => {
        fill(slot);
        start.hidden = false;
      });
      onSubmit(form, yes, box, async () => {
        const created = (
          await call('createReplacement', {
            params: { shipmentId: shipment.id },
            body: reason.value.trim() ? { reason: reason.value } : {},
          })
        ).body;
        const status = h('div');
        notice(status, 'ok', t('replace.sent', { bast: created.bastNumber }));
        fill(
          options.codeBox,
          status,
          receiptCodePanel({
            shipmentId: created.id,
            bastNumber: created.bastNumber,
            villageName: options.villageName,
            kecamatanName: options.kecamatanName,
            regency: options.regency,
            code: created.receiptCode,
            url: created.receiptUrl,
            ...(options.chair ? { chair: options.chair } : {}),
          }),
        );
        await options.done('');
        options.codeBox.scrollIntoView({ block: 'start' });
      });
      fill(slot, form);
      reason.focus();
    });
    section.append(h('div', { class: 'replace-item' }, start, slot));
  }
  return section;
}
