/**
 * One shipment: its lines against what the desa reported, the receipt and its earlier versions,
 * the handover, the signed BAST files, what it replaces or was replaced by, the same BAST and
 * village link again (or a new code for a lost one, after saying the old link dies), the admin's
 * correction, and the audit trail.
 */
import { shortOfAllocation } from '#shared/logistics/rules/receipt.ts';
import { ApiError, allowed, call, download, everyPage } from '../api.ts';
import { auditTrail } from '../audit/trail.ts';
import { type Child, fill, h, saveBlob } from '../dom.ts';
import { field, notice, onSubmit } from '../forms.ts';
import { formatDateTime, formatList, num } from '../lang.ts';
import { heading } from '../page.ts';
import type { Receipt, Shipment, ShipmentSummary } from '../types.ts';
import { loadChairs } from './dispatch.ts';
import type { LogisticsContext, LogisticsPage } from './logistics.ts';
import { type CodeTarget, receiptCodePanel } from './receipt-code.ts';
import { desaFigures, shipmentState, stateBadge } from './states.ts';
import { t } from './texts.ts';

const COUNTS = ['good', 'minorDamage', 'majorDamage'] as const;

function linesTable(shipment: Shipment, receipt: Receipt | null, caption?: string): HTMLElement {
  const reported = new Map(receipt?.lines.map((line) => [line.itemCode, line]));
  const columns = ['good', 'minorDamage', 'majorDamage', 'missing'] as const;
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'items-table five' },
      caption ? h('caption', null, caption) : null,
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, t('col.item')),
          h('th', { scope: 'col', class: 'num' }, t('col.shipped')),
          columns.map((column) => h('th', { scope: 'col', class: 'num' }, t(`col.${column}`))),
        ),
      ),
      h(
        'tbody',
        null,
        shipment.lines.map((line) => {
          const report = reported.get(line.itemCode);
          return h(
            'tr',
            null,
            h('th', { scope: 'row' }, line.name, h('span', { class: 'unit' }, line.unit)),
            h('td', { class: 'num', 'data-label': t('col.shipped') }, num(line.quantity)),
            columns.map((column) =>
              h(
                'td',
                {
                  class: `num${column !== 'good' && (report?.[column] ?? 0) > 0 ? ' bad' : ''}`,
                  'data-label': t(`col.${column}`),
                },
                report ? num(report[column]) : '—',
              ),
            ),
          );
        }),
      ),
    ),
  );
}

function receiptFacts(receipt: Receipt): Child[] {
  return [
    h(
      'p',
      null,
      t('shipment.confirmedBy', {
        time: formatDateTime(receipt.confirmedAt),
        name: receipt.receivedBy.phone
          ? `${receipt.receivedBy.name} (${receipt.receivedBy.phone})`
          : receipt.receivedBy.name,
      }),
    ),
    receipt.note ? h('p', { class: 'quote' }, receipt.note) : null,
    receipt.correctedBy
      ? h(
          'p',
          { class: 'meta' },
          t('shipment.correctedBy', { name: receipt.correctedBy.name, reason: receipt.correctedBy.reason }),
        )
      : null,
  ];
}

function documentsSection(shipment: Shipment): HTMLElement {
  const box = h('div', { hidden: true });
  const open = async (documentId: string) => {
    try {
      const { body: link } = await call('getDocumentLink', { params: { shipmentId: shipment.id, documentId } });
      const anchor = h('a', { href: link.url, target: '_blank', rel: 'noopener', hidden: true });
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
    } catch (error) {
      notice(box, 'error', error instanceof Error ? error.message : t('error.network'));
    }
  };
  return h(
    'section',
    null,
    h('h2', null, t('shipment.documents')),
    shipment.documents.length === 0
      ? h('p', { class: 'meta' }, t('shipment.noDocuments'))
      : h(
          'ul',
          { class: 'doc-list' },
          shipment.documents.map((each) =>
            h(
              'li',
              { class: each.status },
              h(
                'span',
                { class: 'who' },
                h('strong', null, each.fileName),
                h(
                  'span',
                  { class: 'meta' },
                  `${num(Math.ceil(each.size / 1024))} KB · ${t(`doc.${each.status}`)} · ${formatDateTime(each.createdAt)}`,
                ),
              ),
              each.status === 'verified'
                ? h(
                    'button',
                    {
                      type: 'button',
                      class: 'secondary',
                      'aria-label': t('shipment.downloadLabel', { name: each.fileName }),
                      onclick: () => void open(each.id),
                    },
                    t('shipment.download'),
                  )
                : null,
            ),
          ),
        ),
    box,
  );
}

/** The BAST file name the API would give, for a browser that does not pass it on. */
const bastFile = (bastNumber: string) => `BAST-${bastNumber.replace(/[^\w-]+/g, '-')}.pdf`;

/**
 * The receipt code, kept sealed by the API: the same BAST printed again and the same link shown
 * again at any time; a new code only for a lost or leaked one, after a confirmation that says
 * plainly that the link and QR already sent stop working.
 */
function codeSection(context: LogisticsContext, shipment: Shipment): HTMLElement {
  const { regions, config } = context;
  const panel = h('div');
  const box = h('div', { hidden: true });
  const failed = (error: unknown) =>
    notice(box, 'error', error instanceof ApiError ? error.message : t('error.network'));
  const target = async (code: string, url: string, shown: CodeTarget['shown']): Promise<CodeTarget> => {
    const chair = (await loadChairs()).get(shipment.villageCode);
    return {
      shipmentId: shipment.id,
      bastNumber: shipment.bastNumber,
      villageName: regions.villageName(shipment.villageCode),
      kecamatanName: regions.kecamatanName(shipment.kecamatanCode),
      regency: config.regency.name,
      code,
      url,
      chair: chair?.phone ? { name: chair.name, phone: chair.phone } : undefined,
      shown,
    };
  };

  const reprint = h('button', { type: 'button', class: 'primary' }, t('shipment.code.reprint'));
  reprint.addEventListener('click', async () => {
    if (reprint.disabled) return;
    reprint.disabled = true;
    box.hidden = true;
    try {
      // No code sent: the API prints the shipment's current one, the same number and QR as before.
      const file = await download('getBast', {
        params: { shipmentId: shipment.id },
        headers: {},
        accept: 'application/pdf',
      });
      saveBlob(file.blob, file.fileName ?? bastFile(shipment.bastNumber));
    } catch (error) {
      failed(error);
    } finally {
      reprint.disabled = false;
    }
  });
  const show = h('button', { type: 'button', class: 'secondary', 'aria-expanded': 'false' }, t('shipment.code.show'));
  show.addEventListener('click', async () => {
    if (show.disabled) return;
    if (panel.childElementCount > 0) {
      fill(panel);
      show.setAttribute('aria-expanded', 'false');
      return;
    }
    show.disabled = true;
    box.hidden = true;
    try {
      const { body: link } = await call('getReceiptLink', { params: { shipmentId: shipment.id } });
      fill(panel, receiptCodePanel(await target(link.receiptCode, link.receiptUrl, 'again')));
      show.setAttribute('aria-expanded', 'true');
    } catch (error) {
      failed(error);
    } finally {
      show.disabled = false;
    }
  });

  const replaceSlot = h('div');
  const start = h('button', { type: 'button', class: 'secondary' }, t('shipment.code.new'));
  const ask = () => {
    const yes = h('button', { type: 'button', class: 'primary danger' }, t('shipment.code.yes'));
    const no = h(
      'button',
      {
        type: 'button',
        class: 'secondary',
        onclick: () => {
          fill(replaceSlot, start);
          start.focus();
        },
      },
      t('common.cancel'),
    );
    yes.addEventListener('click', async () => {
      if (yes.disabled) return;
      yes.disabled = true;
      box.hidden = true;
      try {
        const { body: fresh } = await call('rotateReceiptCode', { params: { shipmentId: shipment.id } });
        fill(replaceSlot, start);
        fill(panel, receiptCodePanel(await target(fresh.receiptCode, fresh.receiptUrl, 'replaced')));
        show.setAttribute('aria-expanded', 'true');
        panel.scrollIntoView({ block: 'nearest' });
      } catch (error) {
        yes.disabled = false;
        failed(error);
      }
    });
    fill(
      replaceSlot,
      h(
        'div',
        { class: 'confirm-step', role: 'alertdialog', 'aria-labelledby': 'code-confirm-title' },
        h('h3', { id: 'code-confirm-title', class: 'confirm-title' }, t('shipment.code.confirmTitle')),
        h('p', null, t('shipment.code.confirm')),
        h('div', { class: 'button-row' }, yes, no),
      ),
    );
    yes.focus();
  };
  start.addEventListener('click', ask);
  fill(replaceSlot, start);
  return h(
    'section',
    { class: 'code-section' },
    h('h2', null, t('shipment.code')),
    h('p', { class: 'hint' }, t('shipment.code.intro')),
    h('div', { class: 'button-row' }, reprint, show),
    box,
    panel,
    h('p', { class: 'hint' }, t('shipment.code.replace')),
    replaceSlot,
  );
}

/** On a replacement, under its title: the shipment whose broken or missing goods it makes good, linked. */
function replacesNotice(shipment: Shipment, siblings: ShipmentSummary[]): HTMLElement | null {
  const originalId = shipment.replacesShipmentId;
  if (!originalId) return null;
  const original = siblings.find((each) => each.id === originalId);
  return h(
    'p',
    { class: 'notice info replaces' },
    h('span', null, t('shipment.replaces', { bast: original?.bastNumber ?? '—' })),
    h('a', { href: `#/logistik/kiriman/${originalId}` }, t('shipment.replaces.link')),
  );
}

/** On an original: the replacements sent for it, each a link to its page. */
function replacementSection(shipment: Shipment, siblings: ShipmentSummary[]): HTMLElement | null {
  const byId = new Map(siblings.map((each) => [each.id, each]));
  const names = new Map(shipment.lines.map((line) => [line.itemCode, line.name]));
  if (shipment.replacements.length === 0) return null;
  return h('section', { class: 'replacements' }, [
    h('h2', null, t('shipment.replacements')),
    h(
      'ul',
      { class: 'cards' },
      shipment.replacements.map((each) => {
        const sent = byId.get(each.shipmentId);
        const lines = Object.entries(each.lines).map(([itemCode, n]) =>
          t('shipment.replacement.line', { n, item: names.get(itemCode) ?? itemCode }),
        );
        return h(
          'li',
          null,
          h(
            'a',
            { class: 'card link', href: `#/logistik/kiriman/${each.shipmentId}` },
            h(
              'span',
              null,
              t('shipment.replacement', {
                bast: sent?.bastNumber ?? '—',
                time: formatDateTime(each.at),
                lines: formatList(lines),
              }),
            ),
            sent ? h('span', null, stateBadge(shipmentState(sent))) : null,
          ),
        );
      }),
    ),
  ]);
}

function correctionForm(shipment: Shipment, receipt: Receipt, saved: (fresh: Shipment) => void): HTMLElement {
  const reported = new Map(receipt.lines.map((line) => [line.itemCode, line]));
  const inputs = shipment.lines.map((line, index) => {
    const report = reported.get(line.itemCode);
    const controls = COUNTS.map((count) => {
      const input = h('input', {
        type: 'number',
        inputmode: 'numeric',
        min: 0,
        max: line.quantity,
        step: 1,
        value: report?.[count] ?? 0,
      });
      return { count, input, wrap: field(`lines.${index}.${count}`, t(`col.${count}`), input) };
    });
    return { line, controls, index };
  });
  const note = h('input', { type: 'text', maxlength: 1000, value: receipt.note ?? '' });
  const reason = h('input', { type: 'text', maxlength: 300, required: true, autocomplete: 'off' });
  const box = h('div', { hidden: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('shipment.correct.submit'));
  const form = h(
    'form',
    { class: 'panel', novalidate: true },
    h('h2', null, t('shipment.correct')),
    h('p', { class: 'hint' }, t('shipment.correct.intro')),
    inputs.map(({ line, controls, index }) =>
      h(
        'fieldset',
        { class: 'rule', 'aria-labelledby': `fix-${index}` },
        h(
          'legend',
          null,
          h('span', { id: `fix-${index}` }, line.name),
          h('span', { class: 'unit' }, `${t('col.shipped')} ${num(line.quantity)} ${line.unit}`),
        ),
        h(
          'div',
          { class: 'rule-fields' },
          controls.map((each) => each.wrap),
        ),
      ),
    ),
    field('note', t('shipment.correct.note'), note),
    field('reason', t('shipment.correct.reason'), reason),
    box,
    submit,
  );
  onSubmit(form, submit, box, async () => {
    const fresh = (
      await call('correctReceipt', {
        params: { shipmentId: shipment.id },
        body: {
          lines: inputs.map(({ line, controls }) => {
            const count = (name: (typeof COUNTS)[number]) =>
              Number(controls.find((each) => each.count === name)?.input.value || 0);
            return {
              itemCode: line.itemCode,
              good: count('good'),
              minorDamage: count('minorDamage'),
              majorDamage: count('majorDamage'),
            };
          }),
          ...(note.value.trim() ? { note: note.value } : {}),
          reason: reason.value,
        },
      })
    ).body;
    saved(fresh);
  });
  return form;
}

export const shipmentPage: LogisticsPage = async (context) => {
  const { view, regions, user, left } = context;
  const id = context.params[0] ?? '';
  const { body: shipment } = await call('getShipment', { params: { shipmentId: id } });
  if (left()) return undefined;
  // The desa's other shipments and its allocation: what this one replaces or was replaced by, and
  // whether the desa is still short of its allocation (then "Sebagian dikirim", as on the overview).
  const [siblings, { body: allocations }, { body: items }] = await Promise.all([
    everyPage('listShipments', { query: { villageCode: shipment.villageCode } }, left),
    call('listAllocations'),
    call('listItems'),
  ]);
  if (left()) return undefined;
  const allocation = allocations.items.find((each) => each.villageCode === shipment.villageCode)?.lines ?? [];
  const figures = desaFigures(allocation, siblings);
  const short = shortOfAllocation(figures.values());
  const itemNames = new Map(items.items.map((item) => [item.code, item]));
  const remaining = [...figures]
    .filter(([, each]) => each.shipped < each.allocated)
    .map(([code, each]) => {
      const item = itemNames.get(code);
      return `${num(each.allocated - each.shipped)} ${item?.name ?? code}`;
    });
  const villageName = regions.villageName(shipment.villageCode);
  const draw = (current: Shipment, message?: string) => {
    const receipt = current.receipt;
    const handover = [
      current.handedOverBy
        ? h('p', null, h('strong', null, `${t('dispatch.handedOverBy')}: `), t('shipment.party', current.handedOverBy))
        : null,
      current.receivedBy
        ? h('p', null, h('strong', null, `${t('dispatch.receivedBy')}: `), t('shipment.party', current.receivedBy))
        : null,
      current.overAllocation
        ? h('p', { class: 'notice warn' }, t('shipment.overAllocation', { reason: current.overAllocation.reason }))
        : null,
    ].filter((each) => each !== null);
    const history = [...current.receiptHistory].sort((a, b) => b.version - a.version);
    fill(
      view,
      h(
        'header',
        { class: 'section-head' },
        h(
          'p',
          { class: 'back' },
          h(
            'a',
            { href: `#/logistik/desa/${current.villageCode}` },
            `← ${t('shipment.toVillage', { name: villageName })}`,
          ),
        ),
        heading(t('shipment.title', { bast: current.bastNumber })),
        h(
          'p',
          { class: 'meta' },
          `${t('unit.village', { name: villageName })}, ${t('unit.kecamatan', {
            name: regions.kecamatanName(current.kecamatanCode),
          })} · ${t('shipment.shippedAt', { time: formatDateTime(current.createdAt) })} `,
          stateBadge(shipmentState(current, short)),
        ),
        short
          ? h(
              'p',
              { class: 'meta' },
              h(
                'a',
                { href: `#/logistik/desa/${current.villageCode}` },
                t('shipment.short', { lines: formatList(remaining) }),
              ),
            )
          : null,
      ),
      replacesNotice(current, siblings),
      message ? h('div', { class: 'notice ok', role: 'status' }, message) : null,
      h('h2', null, t('shipment.lines')),
      linesTable(current, receipt),
      h('h2', null, t('shipment.receipt')),
      receipt
        ? [
            h(
              'p',
              { class: `notice ${receipt.discrepancy ? 'warn' : 'ok'}` },
              t(receipt.discrepancy ? 'shipment.discrepancy' : 'shipment.complete'),
            ),
            ...receiptFacts(receipt),
          ]
        : h('p', { class: 'meta' }, t('shipment.notConfirmed')),
      history.length
        ? h(
            'details',
            { class: 'history' },
            h('summary', null, `${t('shipment.history')} (${history.length})`),
            history.map((old) =>
              h(
                'div',
                { class: 'old-receipt' },
                h('h3', null, t('shipment.version', { n: old.version })),
                ...receiptFacts(old),
                linesTable(current, old),
              ),
            ),
          )
        : null,
      handover.length ? [h('h2', null, t('shipment.handover')), ...handover] : null,
      replacementSection(current, siblings),
      documentsSection(current),
      // The code and the trail are the DPMD's; a kecamatan account reads the shipment and its photos.
      allowed(user, 'getReceiptLink') && codeSection(context, current),
      user.isAdmin && receipt
        ? correctionForm(current, receipt, (fresh) => {
            draw(fresh, t('shipment.correct.saved', { n: fresh.receipt?.version ?? 0 }));
            view.querySelector<HTMLElement>('.page-title')?.focus();
          })
        : null,
      allowed(user, 'listAudit') && auditTrail({ shipmentId: current.id }, { regions }),
    );
  };
  draw(shipment);
  return undefined;
};
