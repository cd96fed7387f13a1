/** Katalog: the goods the DPMD sends, each renamed in place; new items added with a code. */
import { call } from '../api.ts';
import { fill, h } from '../dom.ts';
import { field, notice, onSubmit } from '../forms.ts';
import type { Item } from '../types.ts';
import type { LogisticsPage } from './logistics.ts';
import { t } from './texts.ts';

async function save(code: string, name: string, unit: string): Promise<Item> {
  return (await call('putItem', { params: { itemCode: code }, body: { name, unit } })).body;
}

export const cataloguePage: LogisticsPage = async ({ view, left }) => {
  let { items } = (await call('listItems')).body;
  if (left()) return undefined;
  const list = h('ul', { class: 'item-list' });
  const listNotice = h('div', { hidden: true });

  const editor = (item: Item, row: HTMLLIElement) => {
    const name = h('input', { type: 'text', maxlength: 80, required: true, value: item.name });
    const unit = h('input', { type: 'text', maxlength: 20, required: true, value: item.unit });
    const box = h('div', { hidden: true });
    const submit = h('button', { type: 'submit', class: 'primary' }, t('common.save'));
    const cancel = h('button', { type: 'button', class: 'secondary', onclick: () => draw() }, t('common.cancel'));
    const form = h(
      'form',
      { class: 'item-edit', novalidate: true },
      h('p', { class: 'code' }, item.code),
      field('name', t('catalogue.name'), name),
      field('unit', t('catalogue.unit'), unit),
      box,
      h('div', { class: 'button-row' }, submit, cancel),
    );
    onSubmit(form, submit, box, async () => {
      const saved = await save(item.code, name.value, unit.value);
      items = items.map((each) => (each.code === saved.code ? saved : each));
      draw();
      notice(listNotice, 'ok', t('catalogue.saved', { name: saved.name }));
    });
    fill(row, form);
    name.focus();
  };

  const draw = () => {
    if (items.length === 0) {
      fill(list, h('li', { class: 'meta' }, t('catalogue.empty')));
      return;
    }
    fill(
      list,
      items.map((item) => {
        const row = h('li', { class: 'item-row' });
        fill(
          row,
          h(
            'div',
            { class: 'who' },
            h('strong', null, item.name),
            h('span', { class: 'meta' }, `${item.code} · ${item.unit}`),
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'secondary',
              'aria-label': t('catalogue.editLabel', { name: item.name }),
              onclick: () => editor(item, row),
            },
            t('catalogue.edit'),
          ),
        );
        return row;
      }),
    );
  };

  const code = h('input', {
    type: 'text',
    maxlength: 32,
    required: true,
    autocomplete: 'off',
    autocapitalize: 'characters',
  });
  const name = h('input', { type: 'text', maxlength: 80, required: true, autocomplete: 'off' });
  const unit = h('input', { type: 'text', maxlength: 20, required: true, autocomplete: 'off' });
  const exists = h('p', { class: 'hint', hidden: true }, t('catalogue.code.exists'));
  code.addEventListener('input', () => {
    // Codes are upper case with underscores; typing "kotak suara" gives KOTAK_SUARA.
    const cleaned = code.value.toUpperCase().replace(/\s+/g, '_');
    if (cleaned !== code.value) code.value = cleaned;
    exists.hidden = !items.some((item) => item.code === cleaned);
  });
  const box = h('div', { hidden: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('common.save'));
  const form = h(
    'form',
    { class: 'panel', novalidate: true },
    h('h2', null, t('catalogue.add')),
    field('itemCode', t('catalogue.code'), code, t('catalogue.code.hint')),
    exists,
    field('name', t('catalogue.name'), name),
    field('unit', t('catalogue.unit'), unit, t('catalogue.unit.hint')),
    box,
    submit,
  );
  onSubmit(form, submit, box, async () => {
    const saved = await save(code.value.trim() || '-', name.value, unit.value);
    items = [...items.filter((each) => each.code !== saved.code), saved].sort((a, b) => a.code.localeCompare(b.code));
    draw();
    form.reset();
    exists.hidden = true;
    notice(box, 'ok', t('catalogue.saved', { name: saved.name }));
  });

  view.append(listNotice, list, form);
  draw();
  return undefined;
};
