/**
 * Alokasi: the formula (one rule per item: per TPS, per voter or fixed per desa, plus a reserve),
 * prefilled with the formula saved last or else the usual rules; "Pratinjau" shows the totals and
 * every desa's share, and only a preview of the rules as they stand can be saved. Desa whose
 * allocation was set by hand keep it (the preview names them) unless "Ganti juga yang diisi
 * manual" is ticked. Below, one desa's allocation set by hand.
 */
import { usualRules } from '#shared/logistics/rules/usual-rules.ts';
import { call } from '../api.ts';
import { fill, h } from '../dom.ts';
import { clearErrors, field, notice, showProblem, wholeNumbers } from '../forms.ts';
import { formatDateTime, num } from '../lang.ts';
import { byName, type RegionIndex } from '../regions/lookup.ts';
import type { Allocation, AllocationRule, Basis, Item, Preview } from '../types.ts';
import type { LogisticsPage } from './logistics.ts';
import { t } from './texts.ts';

const BASES: readonly Basis[] = ['perTps', 'perVoter', 'fixed'];

interface RuleRow {
  item: Item;
  basis: HTMLSelectElement;
  quantity: HTMLInputElement;
  reserve: HTMLInputElement;
  wraps: HTMLElement[];
}

/** The rules the form holds now; rows without a quantity are left out. */
function rulesOf(rows: RuleRow[]): { rules: AllocationRule[]; sent: RuleRow[] } {
  const sent = rows.filter((row) => row.quantity.value.trim() !== '');
  const rules = sent.map((row) => {
    const rule: AllocationRule = {
      itemCode: row.item.code,
      basis: row.basis.value as Basis,
      quantity: Number(row.quantity.value),
    };
    if (row.reserve.value.trim() !== '') rule.reservePercent = Number(row.reserve.value);
    return rule;
  });
  return { rules, sent };
}

/** The rules saved last (from the allocation trail), or none. */
async function lastRules(): Promise<{ rules: AllocationRule[]; at: string } | null> {
  try {
    const { body: trail } = await call('listAudit', { query: { trail: 'allocations', limit: 100 } });
    const applied = trail.items.find((entry) => entry.action === 'allocation.formulaApplied');
    const rules = (applied?.after as { rules?: unknown } | undefined)?.rules;
    return applied && Array.isArray(rules) ? { rules: rules as AllocationRule[], at: applied.at } : null;
  } catch {
    return null;
  }
}

/** The desa set by hand, named by kecamatan, and whether saving keeps or replaces them. */
function byHandList(preview: Preview, regions: RegionIndex): HTMLElement | null {
  const byHand = preview.allocations.filter((each) => each.setByHand);
  if (byHand.length === 0) return null;
  const kept = byHand.some((each) => each.kept);
  const order = new Map(regions.villages.map((village, index) => [village.code, index]));
  const names = [...byHand]
    .sort((a, b) => (order.get(a.villageCode) ?? 0) - (order.get(b.villageCode) ?? 0))
    .map(
      (each) =>
        `${regions.villageName(each.villageCode)} (${t('unit.kecamatan', {
          name: regions.kecamatanName(regions.villageKecamatan(each.villageCode) ?? ''),
        })})`,
    );
  return h(
    'section',
    { class: `by-hand-list ${kept ? 'kept' : 'replaced'}`, 'aria-labelledby': 'by-hand-title' },
    h('h3', { id: 'by-hand-title' }, t('alloc.byHand.title', { n: byHand.length })),
    h('p', null, t(kept ? 'alloc.byHand.kept' : 'alloc.byHand.replaced', { n: byHand.length })),
    h(
      'ul',
      null,
      names.map((name) => h('li', null, name)),
    ),
  );
}

function previewTables(preview: Preview, items: Map<string, Item>, regions: RegionIndex): HTMLElement {
  const codes = preview.totals.map((total) => total.itemCode);
  const kecamatanSelect = h(
    'select',
    { id: 'preview-kecamatan' },
    h('option', { value: '' }, t('summary.allKecamatan')),
    byName(regions.kecamatan).map((each) => h('option', { value: each.code }, each.name)),
  );
  const body = h('tbody');
  const draw = () => {
    const rows = preview.allocations
      .filter((each) => !kecamatanSelect.value || regions.villageKecamatan(each.villageCode) === kecamatanSelect.value)
      .map((each) => ({ ...each, name: regions.villageName(each.villageCode) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'id'));
    fill(
      body,
      rows.map((row) => {
        const quantities = new Map(row.lines.map((line) => [line.itemCode, line.quantity]));
        return h(
          'tr',
          { class: row.setByHand ? (row.kept ? 'by-hand kept' : 'by-hand replaced') : null },
          h(
            'th',
            { scope: 'row' },
            row.name,
            row.setByHand
              ? h(
                  'span',
                  { class: 'by-hand-mark' },
                  t(row.kept ? 'alloc.byHand.keptMark' : 'alloc.byHand.replacedMark'),
                )
              : null,
          ),
          h('td', { class: 'num' }, num(row.dpt)),
          h('td', { class: 'num' }, num(row.tps)),
          codes.map((code) => h('td', { class: 'num' }, num(quantities.get(code) ?? 0))),
        );
      }),
    );
  };
  kecamatanSelect.addEventListener('change', draw);
  draw();
  return h(
    'div',
    { class: 'preview' },
    byHandList(preview, regions),
    h('h3', null, t('alloc.totals')),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'totals' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', { scope: 'col' }, t('col.item')),
            h('th', { scope: 'col', class: 'num' }, t('col.quantity')),
            h('th', { scope: 'col' }, t('col.unit')),
          ),
        ),
        h(
          'tbody',
          null,
          preview.totals.map((total) =>
            h(
              'tr',
              null,
              h('th', { scope: 'row' }, items.get(total.itemCode)?.name ?? total.itemCode),
              h('td', { class: 'num' }, num(total.quantity)),
              h('td', null, items.get(total.itemCode)?.unit ?? ''),
            ),
          ),
        ),
      ),
    ),
    // Long on a phone: folded until asked for.
    h(
      'details',
      { class: 'per-village-box' },
      h('summary', null, t('alloc.perVillage', { n: preview.allocations.length })),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'preview-kecamatan' }, t('summary.filterKecamatan')),
        kecamatanSelect,
      ),
      h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          { class: 'per-village' },
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              h('th', { scope: 'col' }, t('col.village')),
              h('th', { scope: 'col', class: 'num' }, t('col.dpt')),
              h('th', { scope: 'col', class: 'num' }, t('col.tps')),
              codes.map((code) => h('th', { scope: 'col', class: 'num' }, items.get(code)?.name ?? code)),
            ),
          ),
          body,
        ),
      ),
    ),
  );
}

function formulaForm(
  items: Item[],
  regions: RegionIndex,
  saved: { rules: AllocationRule[]; at: string } | null,
  onApplied: () => void,
): HTMLFormElement {
  const byCode = new Map(items.map((item) => [item.code, item]));
  const start = new Map<string, Pick<AllocationRule, 'basis' | 'quantity' | 'reservePercent'>>(
    (saved?.rules ?? usualRules).map((rule) => [rule.itemCode, rule]),
  );
  const rows: RuleRow[] = items.map((item, index) => {
    const rule = start.get(item.code);
    const basis = h(
      'select',
      null,
      BASES.map((each) => h('option', { value: each, selected: rule?.basis === each }, t(`alloc.basis.${each}`))),
    );
    const quantity = h('input', {
      type: 'number',
      inputmode: 'decimal',
      min: 0,
      step: 'any',
      value: rule ? rule.quantity : '',
    });
    const reserve = h('input', {
      type: 'number',
      inputmode: 'decimal',
      min: 0,
      max: 100,
      step: 'any',
      value: rule?.reservePercent ?? '',
    });
    const wraps = [
      field(`rules.${index}.basis`, t('alloc.basis'), basis),
      field(`rules.${index}.quantity`, t('alloc.quantity'), quantity),
      field(`rules.${index}.reservePercent`, t('alloc.reserve'), reserve),
    ];
    return { item, basis, quantity, reserve, wraps };
  });
  const previewBox = h('div');
  const replaceManual = h('input', { type: 'checkbox', id: 'replace-manual' });
  const box = h('div', { hidden: true, 'data-notice': 'formula' });
  const previewButton = h('button', { type: 'submit', class: 'secondary' }, t('alloc.preview'));
  const applyButton = h('button', { type: 'button', class: 'primary', disabled: true }, t('alloc.apply'));
  const applyHint = h('p', { class: 'hint' }, t('alloc.applyHint'));
  let previewed: string | null = null;

  const form = h(
    'form',
    { class: 'panel', novalidate: true },
    h('h2', null, t('alloc.title')),
    h('p', null, t('alloc.intro')),
    h(
      'p',
      { class: 'hint' },
      saved ? t('alloc.source.last', { time: formatDateTime(saved.at) }) : t('alloc.source.default'),
    ),
    rows.map((row, index) =>
      h(
        'fieldset',
        { class: 'rule', 'aria-labelledby': `rule-${index}` },
        h(
          'legend',
          null,
          h('span', { id: `rule-${index}` }, row.item.name),
          h('span', { class: 'unit' }, row.item.unit),
        ),
        h('div', { class: 'rule-fields' }, row.wraps),
      ),
    ),
    h(
      'div',
      { class: 'field replace-manual' },
      h(
        'label',
        { class: 'check-line', for: 'replace-manual' },
        replaceManual,
        h('span', null, t('alloc.replaceManual')),
      ),
      h('p', { class: 'hint' }, t('alloc.replaceManual.hint')),
    ),
    box,
    h('div', { class: 'button-row' }, previewButton, applyButton),
    applyHint,
    previewBox,
  );

  /** Numbers each sent rule's fields as the API does (`rules.<n>.quantity`), so errors land on them. */
  const current = () => {
    const { rules, sent } = rulesOf(rows);
    for (const row of rows) {
      const position = sent.indexOf(row);
      const names = ['basis', 'quantity', 'reservePercent'];
      row.wraps.forEach((wrap, which) => {
        wrap.dataset.field = position >= 0 ? `rules.${position}.${names[which]}` : '';
      });
    }
    return rules;
  };
  // One notice for the formula, always about the rules as they stand: the preview's "not saved
  // yet", then "saved", or that the rules changed since the preview; never two at once.
  /** What a preview is asked for: the rules as they stand, and whether desa set by hand are replaced too. */
  const asked = () => JSON.stringify({ rules: current(), replaceManual: replaceManual.checked });
  const refreshApply = () => {
    applyButton.disabled = previewed === null || asked() !== previewed;
  };
  const changed = () => {
    refreshApply();
    if (previewed !== null && applyButton.disabled) notice(box, 'warn', t('alloc.stale'));
    else if (previewed === null && box.classList.contains('ok')) box.hidden = true;
  };
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (previewButton.disabled) return;
    clearErrors(form);
    box.hidden = true;
    const rules = current();
    if (rules.length === 0) return notice(box, 'error', t('alloc.noRules'));
    previewButton.disabled = true;
    try {
      const { body: preview } = await call('previewAllocations', {
        body: { rules, replaceManual: replaceManual.checked },
      });
      previewed = asked();
      const n = preview.allocations.length;
      notice(
        box,
        'info',
        preview.setByHand.kept > 0
          ? t('alloc.previewFor.kept', { n, kept: preview.setByHand.kept })
          : preview.setByHand.replaced > 0
            ? t('alloc.previewFor.replaced', { n, replaced: preview.setByHand.replaced })
            : t('alloc.previewFor', { n }),
      );
      fill(previewBox, previewTables(preview, byCode, regions));
    } catch (error) {
      previewed = null;
      fill(previewBox);
      showProblem(form, box, error);
    } finally {
      previewButton.disabled = false;
      refreshApply();
    }
  });

  applyButton.addEventListener('click', async () => {
    if (applyButton.disabled || previewed === null) return;
    applyButton.disabled = true;
    clearErrors(form);
    try {
      const sent = JSON.parse(previewed) as { rules: AllocationRule[]; replaceManual: boolean };
      const { body: result } = await call('applyAllocations', { body: sent });
      const { kept } = result.setByHand;
      notice(
        box,
        'ok',
        kept > 0
          ? t('alloc.applied.kept', { n: result.allocations.length - kept, kept })
          : t('alloc.applied', { n: result.allocations.length }),
      );
      previewed = null;
      onApplied();
    } catch (error) {
      showProblem(form, box, error);
    } finally {
      refreshApply();
      box.scrollIntoView({ block: 'nearest' });
    }
  });
  return form;
}

function manualForm(
  items: Item[],
  regions: RegionIndex,
  allocations: () => Map<string, Allocation>,
  saved: () => Promise<void>,
) {
  const kecamatan = h(
    'select',
    null,
    h('option', { value: '' }, t('common.choose')),
    byName(regions.kecamatan).map((each) => h('option', { value: each.code }, each.name)),
  );
  const village = h('select', { disabled: true }, h('option', { value: '' }, t('dispatch.villageFirst')));
  const state = h('p', { class: 'meta', hidden: true });
  const lines = h('div', { class: 'alloc-lines' });
  const box = h('div', { hidden: true });
  const submit = h('button', { type: 'submit', class: 'primary', hidden: true }, t('alloc.manual.save'));
  let inputs: Array<{ item: Item; input: HTMLInputElement; wrap: HTMLElement }> = [];

  kecamatan.addEventListener('change', () => {
    const villages = byName(regions.villages.filter((each) => each.kecamatanCode === kecamatan.value));
    fill(
      village,
      h('option', { value: '' }, kecamatan.value ? t('common.choose') : t('dispatch.villageFirst')),
      villages.map((each) => h('option', { value: each.code }, each.name)),
    );
    village.disabled = !kecamatan.value;
    village.dispatchEvent(new Event('change'));
  });
  const drawLines = () => {
    box.hidden = true;
    const allocation = village.value ? allocations().get(village.value) : undefined;
    state.hidden = !village.value;
    state.textContent = allocation
      ? t(allocation.source === 'manual' ? 'alloc.current.manual' : 'alloc.current.formula', {
          time: formatDateTime(allocation.updatedAt),
        })
      : t('alloc.current.none');
    const quantities = new Map(allocation?.lines.map((line) => [line.itemCode, line.quantity]));
    inputs = village.value
      ? items.map((item) => {
          const input = h('input', {
            type: 'number',
            inputmode: 'numeric',
            min: 0,
            step: 1,
            value: quantities.get(item.code) ?? '',
          });
          return { item, input, wrap: field(`lines.${item.code}`, `${item.name} (${item.unit})`, input) };
        })
      : [];
    fill(
      lines,
      inputs.map((each) => each.wrap),
    );
    submit.hidden = !village.value;
  };
  village.addEventListener('change', drawLines);

  const form = h(
    'form',
    { class: 'panel', novalidate: true },
    h('h2', null, t('alloc.manual')),
    h('p', { class: 'hint' }, t('alloc.manual.intro')),
    field('kecamatan', t('dispatch.kecamatan'), kecamatan),
    field('villageCode', t('dispatch.village'), village),
    state,
    lines,
    box,
    submit,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (submit.disabled || !village.value) return;
    clearErrors(form);
    for (const each of inputs) each.wrap.dataset.field = `lines.${each.item.code}`;
    const wrong = wholeNumbers(
      inputs.map((each) => ({ field: `lines.${each.item.code}`, input: each.input })),
      t('alloc.wholeNumber'),
    );
    if (wrong) return showProblem(form, box, wrong);
    const sent = inputs.filter((each) => each.input.value.trim() !== '' && Number(each.input.value) !== 0);
    inputs.forEach((each) => {
      const position = sent.indexOf(each);
      each.wrap.dataset.field = position >= 0 ? `lines.${position}.quantity` : `lines.${each.item.code}`;
    });
    if (sent.length === 0) return notice(box, 'error', t('alloc.noRules'));
    submit.disabled = true;
    try {
      await call('putAllocation', {
        params: { villageCode: village.value },
        body: {
          lines: sent.map((each) => ({ itemCode: each.item.code, quantity: Number(each.input.value) })),
        },
      });
      await saved();
      drawLines();
      notice(box, 'ok', t('alloc.manual.saved', { name: regions.villageName(village.value) }));
    } catch (error) {
      showProblem(form, box, error);
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

export const allocationPage: LogisticsPage = async ({ view, regions, left }) => {
  const [{ body: items }, saved, { body: loaded }] = await Promise.all([
    call('listItems'),
    lastRules(),
    call('listAllocations'),
  ]);
  if (left()) return undefined;
  let allocations = new Map(loaded.items.map((each) => [each.villageCode, each]));
  const reload = async () => {
    const { body: fresh } = await call('listAllocations');
    allocations = new Map(fresh.items.map((each) => [each.villageCode, each]));
  };
  view.append(
    formulaForm(items.items, regions, saved, () => void reload()),
    manualForm(items.items, regions, () => allocations, reload),
  );
  return undefined;
};
