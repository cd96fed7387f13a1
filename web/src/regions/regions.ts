/**
 * Wilayah: the regency's kecamatan and desa, and for admins the upload of a CSV or XLSX list
 * (sent as the raw file) with a template to start from. Row errors read "Baris 7 (kode_desa): …".
 */
import { ApiError, call, type FieldError } from '../api.ts';
import { fill, h, saveBlob } from '../dom.ts';
import { field, notice } from '../forms.ts';
import { num } from '../lang.ts';
import { heading, type Page } from '../page.ts';
import type { Regions } from '../types.ts';
import { loadRegions, type RegionIndex } from './lookup.ts';
import { t } from './texts.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const COLUMNS = ['kode_kecamatan', 'nama_kecamatan', 'kode_desa', 'nama_desa', 'dpt', 'tps'];
const COLUMN_OF: Record<string, string> = {
  kecamatanCode: 'kode_kecamatan',
  kecamatanName: 'nama_kecamatan',
  villageCode: 'kode_desa',
  villageName: 'nama_desa',
  dpt: 'dpt',
  tps: 'tps',
};

/** `row.7.villageCode` → "Baris 7 (kode_desa): …"; header and kecamatan issues alike. */
function describe(error: FieldError): string {
  const [kind = '', where = '', column = ''] = error.field.split('.');
  const columnName = (name: string) => COLUMN_OF[name] ?? name;
  if (kind === 'row') return `${t('regions.row', { n: where })} (${columnName(column)}): ${error.message}`;
  if (kind === 'header') return `${t('regions.header')} (${columnName(where)}): ${error.message}`;
  if (kind === 'kecamatan') {
    const code = error.field.split('.').slice(1, -1).join('.');
    const last = error.field.split('.').pop() ?? '';
    return `${t('regions.kecamatanRow', { code })} (${columnName(last)}): ${error.message}`;
  }
  return error.field ? `${error.field}: ${error.message}` : error.message;
}

function csvCell(value: string | number | undefined): string {
  const text = value === undefined ? '' : String(value);
  return /[",;\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The current regions as an upload-ready CSV (an example row when there are none yet). */
function template(regions: Regions): Blob {
  const names = new Map(regions.kecamatan.map((each) => [each.code, each.name]));
  const rows = regions.villages.length
    ? regions.villages.map((v) => [v.kecamatanCode, names.get(v.kecamatanCode) ?? '', v.code, v.name, v.dpt, v.tps])
    : [['16.09.01', 'Muara Dua', '16.09.01.2001', 'Contoh Desa', 1500, 4]];
  const lines = [COLUMNS, ...rows].map((row) => row.map(csvCell).join(','));
  // The byte order mark lets Excel open the UTF-8 file with its accents intact.
  return new Blob([`\uFEFF${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' });
}

function table(regions: RegionIndex): HTMLElement {
  if (regions.villages.length === 0) return h('p', null, t('regions.empty'));
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'regions' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, t('regions.col.name')),
          h('th', { scope: 'col', class: 'num' }, t('regions.col.dpt')),
          h('th', { scope: 'col', class: 'num' }, t('regions.col.tps')),
        ),
      ),
      regions.kecamatan.map((kecamatan) => {
        const villages = regions.villages.filter((each) => each.kecamatanCode === kecamatan.code);
        return h(
          'tbody',
          null,
          h(
            'tr',
            { class: 'group' },
            h(
              'th',
              { scope: 'rowgroup', colspan: 3 },
              kecamatan.name,
              h('span', { class: 'meta' }, ` · ${kecamatan.code} · ${t('regions.villages', { n: villages.length })}`),
            ),
          ),
          villages.map((village) =>
            h(
              'tr',
              null,
              h('th', { scope: 'row' }, village.name, h('span', { class: 'code' }, village.code)),
              h('td', { class: 'num' }, village.dpt === undefined ? '' : num(village.dpt)),
              h('td', { class: 'num' }, village.tps === undefined ? '' : num(village.tps)),
            ),
          ),
        );
      }),
    ),
  );
}

function uploadForm(onSaved: () => Promise<void>): HTMLFormElement {
  const file = h('input', { type: 'file', required: true, accept: `.csv,.xlsx,text/csv,${XLSX}` });
  const result = h('div', { hidden: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('regions.send'));
  const templateButton = h('button', { type: 'button', class: 'secondary' }, t('regions.template'));
  templateButton.addEventListener('click', async () => {
    saveBlob(template(await loadRegions()), 'wilayah.csv');
  });
  const form = h(
    'form',
    { class: 'panel', novalidate: true },
    heading(t('regions.upload'), 'h2'),
    h('p', null, t('regions.upload.intro')),
    h('div', { class: 'button-row' }, templateButton),
    h('p', { class: 'hint' }, t('regions.template.hint')),
    field('file', t('regions.file'), file),
    submit,
    result,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (submit.disabled) return;
    const chosen = file.files?.[0];
    if (!chosen) return notice(result, 'error', t('regions.noFile'));
    // Browsers report CSV as text/csv, application/vnd.ms-excel or nothing: the name decides.
    const name = chosen.name.toLowerCase();
    const type = name.endsWith('.csv') ? 'text/csv' : name.endsWith('.xlsx') ? XLSX : '';
    if (!type) return notice(result, 'error', t('regions.badType'));
    submit.disabled = true;
    submit.textContent = t('regions.sending');
    try {
      const reply = await call('importRegions', { body: { raw: chosen, type } });
      const counts = (label: string, each: (typeof reply.body)['kecamatan']) =>
        h('li', null, t('regions.counts', { label, ...each }));
      notice(
        result,
        'ok',
        h('strong', null, t('regions.saved')),
        h(
          'ul',
          null,
          counts(t('regions.kecamatanLabel'), reply.body.kecamatan),
          counts(t('regions.villagesLabel'), reply.body.villages),
        ),
      );
      await onSaved();
    } catch (error) {
      const problem = error instanceof ApiError ? error : null;
      notice(
        result,
        'error',
        h('strong', null, problem?.message ?? t('error.network')),
        problem?.errors.length
          ? h(
              'ul',
              null,
              problem.errors.map((each) => h('li', null, describe(each))),
            )
          : null,
      );
    } finally {
      submit.disabled = false;
      submit.textContent = t('regions.send');
      result.scrollIntoView({ block: 'nearest' });
    }
  });
  return form;
}

export const regionsPage: Page = async ({ view, user, left }) => {
  const summary = h('p', { class: 'meta' });
  const holder = h('div');
  const draw = (regions: RegionIndex) => {
    summary.textContent = t('regions.summary', {
      kecamatan: regions.kecamatan.length,
      villages: regions.villages.length,
    });
    fill(holder, table(regions));
  };
  const upload = user.isAdmin
    ? [
        uploadForm(async () => {
          const fresh = await loadRegions(true);
          if (!left()) draw(fresh);
        }),
      ]
    : [];
  view.append(heading(t('regions.title')), summary, ...upload, holder);
  draw(await loadRegions());
  return undefined;
};
