/**
 * Kirim: choose kecamatan and desa; the lines start at what the desa's allocation still allows
 * (allocated minus shipped so far); who hands over and who receives are printed on the BAST. More
 * than allocated is refused line by line (409) until the organizer gives a reason. The new
 * shipment's receipt code is shown with the BAST, the link and a WhatsApp message (the shipment's
 * page shows the same code again later).
 */
import { ApiError, call, everyPage } from '../api.ts';
import { fill, h } from '../dom.ts';
import { clearErrors, field, notice, showProblem, wholeNumbers } from '../forms.ts';
import { byName } from '../regions/lookup.ts';
import type { Allocation, Created, Item } from '../types.ts';
import type { LogisticsContext, LogisticsPage } from './logistics.ts';
import { receiptCodePanel } from './receipt-code.ts';
import { t } from './texts.ts';

const HANDED_OVER_KEY = 'siap.handedOverBy';

interface Chair {
  name: string;
  phone?: string;
  session: string;
}

/** The Ketua Panitia of each desa in the newest session, for the receiver's name and WhatsApp. */
let chairs: Promise<Map<string, Chair>> | null = null;
export function loadChairs(): Promise<Map<string, Chair>> {
  chairs ??= (async () => {
    const { body: sessions } = await call('listSessions', { query: { limit: 1 } });
    const latest = sessions.items[0];
    if (!latest) return new Map<string, Chair>();
    const registrations = await everyPage('listRegistrations', { params: { sessionId: latest.id } });
    return new Map(
      registrations
        .filter((each) => each.role === 'KETUA_PANITIA' && each.villageCode)
        .map((each) => [each.villageCode as string, { name: each.fullName, phone: each.phone, session: latest.title }]),
    );
  })().catch(() => new Map<string, Chair>());
  return chairs;
}

function rememberedParty(): { name: string; title: string } | null {
  try {
    const value = JSON.parse(localStorage.getItem(HANDED_OVER_KEY) ?? 'null') as {
      name?: string;
      title?: string;
    } | null;
    return value?.name ? { name: value.name, title: value.title ?? '' } : null;
  } catch {
    return null;
  }
}

interface LineRow {
  item: Item;
  input: HTMLInputElement;
  wrap: HTMLElement;
}

function dispatchForm(context: LogisticsContext, items: Item[], allocations: Map<string, Allocation>): HTMLElement {
  const { regions, config, user } = context;
  const holder = h('div');
  const kecamatan = h(
    'select',
    null,
    h('option', { value: '' }, t('common.choose')),
    byName(regions.kecamatan).map((each) => h('option', { value: each.code }, each.name)),
  );
  const village = h('select', { disabled: true }, h('option', { value: '' }, t('dispatch.villageFirst')));
  const linesBox = h('div', { class: 'dispatch-lines' });
  const details = h('div', { hidden: true });
  const box = h('div', { hidden: true });
  let rows: LineRow[] = [];
  let loading = 0;

  const remembered = rememberedParty();
  // The BAST names who handed over, with a position: both marked required from the start.
  const giverName = h('input', {
    type: 'text',
    maxlength: 120,
    autocomplete: 'name',
    required: true,
    value: remembered?.name ?? user.name,
  });
  const giverTitle = h('input', { type: 'text', maxlength: 120, required: true, value: remembered?.title ?? '' });
  const takerName = h('input', { type: 'text', maxlength: 120, autocomplete: 'off' });
  const takerTitle = h('input', { type: 'text', maxlength: 120, autocomplete: 'off' });
  const takerHint = h('p', { class: 'hint', hidden: true });
  let autoFilled = false;
  takerName.addEventListener('input', () => {
    autoFilled = false;
  });

  const reason = h('input', { type: 'text', maxlength: 300, required: true, autocomplete: 'off' });
  const overrideButton = h('button', { type: 'button', class: 'primary danger' }, t('dispatch.override.submit'));
  const overridePanel = h(
    'div',
    { class: 'override', hidden: true },
    h('h3', null, t('dispatch.override.title')),
    h('p', null, t('dispatch.override.intro')),
    field('override.reason', t('dispatch.override.reason'), reason),
    overrideButton,
  );
  const submit = h('button', { type: 'submit', class: 'primary wide' }, t('dispatch.submit'));

  kecamatan.addEventListener('change', () => {
    const villages = byName(regions.villages.filter((each) => each.kecamatanCode === kecamatan.value));
    fill(
      village,
      h('option', { value: '' }, kecamatan.value ? t('common.choose') : t('dispatch.villageFirst')),
      villages.map((each) => h('option', { value: each.code }, each.name)),
    );
    village.disabled = !kecamatan.value;
    void chooseVillage('');
  });
  village.addEventListener('change', () => void chooseVillage(village.value));

  async function chooseVillage(code: string): Promise<void> {
    const mine = ++loading;
    overridePanel.hidden = true;
    box.hidden = true;
    clearErrors(form);
    details.hidden = true;
    fill(linesBox);
    rows = [];
    if (!code) return;
    const [shipments, chair] = await Promise.all([
      everyPage('listShipments', { query: { villageCode: code } }),
      loadChairs().then((found) => found.get(code)),
    ]);
    if (mine !== loading || context.left()) return;
    const shipped = new Map<string, number>();
    for (const line of shipments.flatMap((each) => each.lines)) {
      shipped.set(line.itemCode, (shipped.get(line.itemCode) ?? 0) + line.quantity);
    }
    const allocation = allocations.get(code);
    const allocated = new Map(allocation?.lines.map((line) => [line.itemCode, line.quantity]));
    rows = items.map((item) => {
      const given = allocated.get(item.code) ?? 0;
      const sent = shipped.get(item.code) ?? 0;
      const remaining = given - sent;
      const input = h('input', {
        type: 'number',
        inputmode: 'numeric',
        min: 0,
        step: 1,
        value: Math.max(remaining, 0),
      });
      const hint = t('dispatch.lineHint', {
        allocated: given,
        shipped: sent,
        remaining,
      });
      return { item, input, wrap: field(`line-${item.code}`, `${item.name} (${item.unit})`, input, hint) };
    });
    fill(
      linesBox,
      h(
        'fieldset',
        { class: 'field' },
        h('legend', null, t('dispatch.lines')),
        h('p', { class: 'hint' }, allocation ? t('dispatch.prefilled') : t('dispatch.noAllocation')),
        h(
          'div',
          { class: 'line-grid' },
          rows.map((row) => row.wrap),
        ),
      ),
    );
    if (chair && (autoFilled || !takerName.value.trim())) {
      takerName.value = chair.name;
      takerTitle.value = t('dispatch.ketuaTitle', { name: regions.villageName(code) });
      takerHint.textContent = t('dispatch.fromSession', { session: chair.session });
      takerHint.hidden = false;
      autoFilled = true;
    } else if (autoFilled) {
      takerName.value = '';
      takerTitle.value = '';
      takerHint.hidden = true;
      autoFilled = false;
    }
    details.hidden = false;
  }

  const party = (name: HTMLInputElement, title: HTMLInputElement) =>
    name.value.trim() || title.value.trim() ? { name: name.value, title: title.value } : undefined;

  async function send(override?: string): Promise<void> {
    clearErrors(form);
    box.hidden = true;
    const code = village.value;
    if (!code) return;
    for (const row of rows) row.wrap.dataset.field = `line-${row.item.code}`;
    const wrong = wholeNumbers(
      rows.map((row) => ({ field: `line-${row.item.code}`, input: row.input })),
      t('dispatch.wholeNumber'),
    );
    if (wrong) return showProblem(form, box, wrong);
    const sent = rows.filter((row) => Number(row.input.value) > 0 || !/^\d*$/.test(row.input.value.trim()));
    // The API names lines by their place in the request: `lines.2.quantity`.
    for (const row of rows) {
      const position = sent.indexOf(row);
      row.wrap.dataset.field = position >= 0 ? `lines.${position}.quantity` : `line-${row.item.code}`;
    }
    if (sent.length === 0) return notice(box, 'error', t('dispatch.noLines'));
    const body = {
      villageCode: code,
      lines: sent.map((row) => ({ itemCode: row.item.code, quantity: Number(row.input.value) })),
      handedOverBy: party(giverName, giverTitle),
      receivedBy: party(takerName, takerTitle),
      ...(override === undefined ? {} : { override: { reason: override } }),
    };
    submit.disabled = true;
    overrideButton.disabled = true;
    submit.textContent = t('dispatch.sending');
    try {
      const { body: created } = await call('createShipment', { body });
      if (body.handedOverBy) {
        try {
          localStorage.setItem(HANDED_OVER_KEY, JSON.stringify(body.handedOverBy));
        } catch {
          // Not remembered; typed again next time.
        }
      }
      const chair = (await loadChairs()).get(code);
      done(created, chair);
    } catch (error) {
      showProblem(form, box, error);
      const over =
        error instanceof ApiError &&
        error.status === 409 &&
        error.errors.some((each) => each.field.startsWith('lines.'));
      if (over) {
        // The page says what to do next with the panel below (the API's sentence names its
        // "override"); the lines carry the numbers.
        notice(box, 'error', h('strong', null, t('dispatch.over')));
        overridePanel.hidden = false;
        if (override !== undefined) reason.focus();
      }
    } finally {
      submit.disabled = false;
      overrideButton.disabled = false;
      submit.textContent = t('dispatch.submit');
    }
  }

  function done(created: Created, chair: Chair | undefined): void {
    const another = h('button', { type: 'button', class: 'secondary' }, t('dispatch.another'));
    another.addEventListener('click', () => {
      fill(holder, dispatchForm(context, items, allocations));
    });
    const villageName = regions.villageName(created.villageCode);
    fill(
      holder,
      h(
        'div',
        { class: 'notice ok', role: 'status' },
        t('dispatch.done', { bast: created.bastNumber, name: villageName }),
      ),
      receiptCodePanel({
        shipmentId: created.id,
        bastNumber: created.bastNumber,
        villageName,
        kecamatanName: regions.kecamatanName(created.kecamatanCode),
        regency: config.regency.name,
        code: created.receiptCode,
        url: created.receiptUrl,
        chair: chair?.phone ? { name: chair.name, phone: chair.phone } : undefined,
      }),
      h(
        'div',
        { class: 'button-row' },
        h('a', { class: 'button secondary', href: `#/logistik/kiriman/${created.id}` }, t('dispatch.view')),
        another,
      ),
    );
    holder.querySelector<HTMLElement>('.code-panel h2')?.scrollIntoView({ block: 'start' });
  }

  const form = h(
    'form',
    { class: 'panel', novalidate: true },
    field('kecamatan', t('dispatch.kecamatan'), kecamatan),
    field('villageCode', t('dispatch.village'), village),
    linesBox,
    h('div', { class: 'details' }, details),
    box,
    overridePanel,
  );
  details.append(
    h(
      'fieldset',
      { class: 'field party' },
      h('legend', null, t('dispatch.handedOverBy')),
      field('handedOverBy.name', t('dispatch.name'), giverName),
      field('handedOverBy.title', t('dispatch.position'), giverTitle),
    ),
    h(
      'fieldset',
      { class: 'field party' },
      h('legend', null, t('dispatch.receivedBy')),
      takerHint,
      field('receivedBy.name', t('dispatch.name'), takerName),
      field('receivedBy.title', t('dispatch.position'), takerTitle),
    ),
    submit,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!submit.disabled) void send();
  });
  overrideButton.addEventListener('click', () => {
    if (!overrideButton.disabled) void send(reason.value);
  });
  fill(holder, form);

  const preset = context.params[0];
  const presetVillage = preset ? regions.villages.find((each) => each.code === preset) : undefined;
  if (presetVillage) {
    kecamatan.value = presetVillage.kecamatanCode;
    kecamatan.dispatchEvent(new Event('change'));
    village.value = presetVillage.code;
    void chooseVillage(presetVillage.code);
  }
  return holder;
}

export const dispatchPage: LogisticsPage = async (context) => {
  chairs = null; // Registrations change between visits.
  const [{ body: items }, { body: allocations }] = await Promise.all([call('listItems'), call('listAllocations')]);
  if (context.left()) return undefined;
  context.view.append(
    dispatchForm(context, items.items, new Map(allocations.items.map((each) => [each.villageCode, each]))),
  );
  return undefined;
};
