/**
 * "Impor dari berkas": a participant list from a CSV or XLSX file, read in the browser (the
 * parsers load only when a file of their kind is chosen), previewed (how many rows were read,
 * which cannot be read and why), then sent in parts of 250 with a progress bar, and summed up:
 * created, already registered, refused rows with their line in the file and the API's sentence.
 * Importing the same file again registers nobody twice (rows are keyed by their places), which
 * the page says whenever a send is cut short, including after a reload.
 */
import { ApiError, call } from '../api.ts';
import { fill, h, saveBlob } from '../dom.ts';
import { notice } from '../forms.ts';
import {
  type Cell,
  decodeCsv,
  IMPORT_CHUNK,
  type ReadFile,
  type ReadRow,
  type Reason,
  readRows,
  templateRows,
} from './import-rows.ts';
import { has, t } from './import-texts.ts';
import type { SessionContext } from './session.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PREVIEW_ROWS = 5;

interface Progress {
  file: string;
  sent: number;
  total: number;
}

interface Outcome {
  created: number;
  unchanged: number;
  /** By line in the file: a part sent again after a cut keeps one sentence per row. */
  refused: Map<number, string>;
}

const reasonText = (reason: Reason) => t(reason.key, reason.params);

async function cellsOf(file: File): Promise<Cell[][]> {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xlsx')) {
    const { readSheet } = await import('read-excel-file/browser');
    return (await readSheet(file)) as Cell[][];
  }
  const Papa = (await import('papaparse')).default;
  const parsed = Papa.parse<string[]>(decodeCsv(await file.arrayBuffer()), { skipEmptyLines: false });
  return parsed.data;
}

/** `sep=;` first, as Excel reads it in every locale; a byte order mark keeps the accents. */
function templateFile(rows: string[][]): Blob {
  const cell = (value: string) => (/[";\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const lines = ['sep=;', ...rows.map((row) => row.map(cell).join(';'))];
  return new Blob([`\uFEFF${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' });
}

/** The messages of a 400 that names rows (`registrations.3.phone`), by row; null if it names anything else. */
function rowMessages(error: unknown, rows: number): Map<number, string[]> | null {
  if (!(error instanceof ApiError) || error.status !== 400 || error.errors.length === 0) return null;
  const byRow = new Map<number, string[]>();
  for (const each of error.errors) {
    const match = /^registrations\.(\d+)(?:\.(\w+))?/.exec(each.field);
    const index = Number(match?.[1]);
    if (!match || index >= rows) return null;
    const key = `import.field.${match[2] ?? ''}`;
    const message = has(key) ? t('import.fieldMessage', { field: t(key), message: each.message }) : each.message;
    byRow.set(index, [...(byRow.get(index) ?? []), message]);
  }
  return byRow;
}

/** Draws the panel into `body`; the desk's page opened it. */
export function importPanel(body: HTMLElement, { session, regions }: SessionContext): void {
  const memoryKey = `siap.impor.${session.id}`;
  const expected = new Set(session.villageCodes);
  const file = h('input', { type: 'file', id: 'import-file', accept: `.csv,.xlsx,text/csv,${XLSX}` });
  const status = h('div', { hidden: true });
  const preview = h('div', { class: 'import-preview' });
  const templateButton = h('button', { type: 'button', class: 'secondary' }, t('import.template'));
  templateButton.addEventListener('click', () =>
    saveBlob(templateFile(templateRows(regions, expected)), 'peserta-sosialisasi.csv'),
  );

  const recall = (): Progress | null => {
    try {
      return JSON.parse(sessionStorage.getItem(memoryKey) ?? 'null') as Progress | null;
    } catch {
      return null;
    }
  };
  const keep = (progress: Progress | null) => {
    try {
      if (progress) sessionStorage.setItem(memoryKey, JSON.stringify(progress));
      else sessionStorage.removeItem(memoryKey);
    } catch {
      // Private mode: the page cannot say after a reload that an import was cut short.
    }
  };
  const interrupted = recall();
  if (interrupted) notice(status, 'warn', t('import.interrupted', { ...interrupted }));

  const unreadList = (read: ReadFile) =>
    read.unread.length
      ? h(
          'div',
          { class: 'import-unread' },
          h('h3', null, t('import.unreadTitle')),
          h('p', { class: 'hint' }, t('import.unreadHint')),
          h(
            'ul',
            null,
            read.unread.map((row) =>
              h('li', null, t('import.row', { line: row.line, reason: row.reasons.map(reasonText).join('; ') })),
            ),
          ),
        )
      : null;

  const placeOf = (row: ReadRow) =>
    row.input.villageCode
      ? `${t('unit.village', { name: regions.villageName(row.input.villageCode) })}, ${t('unit.kecamatan', {
          name: regions.kecamatanName(regions.villageKecamatan(row.input.villageCode) ?? ''),
        })}`
      : t('unit.kecamatan', { name: regions.kecamatanName(row.input.kecamatanCode ?? '') });

  const showPreview = (chosen: File, read: ReadFile) => {
    if (read.problem) {
      notice(status, 'error', reasonText(read.problem));
      fill(preview);
      return;
    }
    const send = h(
      'button',
      { type: 'button', class: 'primary', disabled: read.rows.length === 0 },
      t('import.send', { n: read.rows.length }),
    );
    notice(
      status,
      read.unread.length ? 'warn' : 'info',
      t('import.read', {
        rows: read.rows.length + read.unread.length,
        file: chosen.name,
        ready: read.rows.length,
        unread: read.unread.length,
      }),
    );
    fill(
      preview,
      read.rows.length
        ? [
            h('h3', null, t('import.preview')),
            h(
              'ul',
              { class: 'import-rows' },
              read.rows
                .slice(0, PREVIEW_ROWS)
                .map((row) =>
                  h(
                    'li',
                    null,
                    h('strong', null, row.input.fullName),
                    h('span', { class: 'meta' }, `${t(`role.${row.input.role}`)} · ${placeOf(row)}`),
                  ),
                ),
            ),
          ]
        : null,
      unreadList(read),
      h('p', { class: 'hint' }, t('import.again')),
      send,
    );
    send.addEventListener('click', () => {
      send.disabled = true;
      file.disabled = true;
      void sendRows(chosen.name, read);
    });
  };

  const sendRows = async (fileName: string, read: ReadFile) => {
    const rows = read.rows;
    const progress: Progress = { file: fileName, sent: 0, total: rows.length };
    const outcome: Outcome = { created: 0, unchanged: 0, refused: new Map() };
    const bar = h('progress', { max: rows.length, value: 0, 'aria-labelledby': 'import-progress-text' });
    const said = h('p', { id: 'import-progress-text', class: 'progress-text', 'aria-live': 'polite' });
    const stopped = h('div', { hidden: true });
    const update = () => {
      bar.value = progress.sent;
      said.textContent = `${t('import.progressLabel')}: ${t('import.progress', { sent: progress.sent, total: progress.total })}`;
    };
    status.hidden = true;
    fill(preview, h('div', { class: 'import-progress' }, bar, said), stopped);
    update();
    const run = async (): Promise<void> => {
      keep(progress);
      while (progress.sent < rows.length) {
        const part = rows.slice(progress.sent, progress.sent + IMPORT_CHUNK);
        let pending = part;
        while (pending.length > 0) {
          try {
            const { body: result } = await call('importRegistrations', {
              params: { sessionId: session.id },
              body: { registrations: pending.map((row) => row.input) },
            });
            outcome.created += result.created;
            outcome.unchanged += result.unchanged;
            for (const each of result.rejected) {
              outcome.refused.set(pending[each.index]?.line ?? 0, each.detail);
            }
            pending = [];
          } catch (error) {
            // Rows the API cannot take as written (a phone it cannot read) are refused by line;
            // the rest of the part goes again. Anything else stops the import, to be continued.
            const byRow = rowMessages(error, pending.length);
            if (!byRow) throw error;
            for (const [index, messages] of byRow) {
              outcome.refused.set(pending[index]?.line ?? 0, messages.join('; '));
            }
            pending = pending.filter((_, index) => !byRow.has(index));
          }
        }
        progress.sent += part.length;
        keep(progress);
        update();
      }
    };
    const finish = () => {
      keep(null);
      file.disabled = false;
      file.value = '';
      const refused = [...outcome.refused].map(([line, detail]) => ({ line, detail })).sort((a, b) => a.line - b.line);
      notice(
        status,
        refused.length ? 'warn' : 'ok',
        h('strong', null, t('import.done')),
        h(
          'ul',
          { class: 'import-summary' },
          h('li', null, t('import.created', { n: outcome.created })),
          h('li', null, t('import.unchanged', { n: outcome.unchanged })),
          h('li', null, t('import.refused', { n: refused.length })),
        ),
      );
      fill(
        preview,
        h('div', { class: 'import-progress' }, bar, said),
        refused.length
          ? h(
              'div',
              { class: 'import-refused' },
              h('h3', null, t('import.refusedTitle')),
              h(
                'ul',
                null,
                refused.map((each) => h('li', null, t('import.row', { line: each.line, reason: each.detail }))),
              ),
            )
          : null,
        unreadList(read),
      );
      status.scrollIntoView({ block: 'nearest' });
    };
    const attempt = async () => {
      stopped.hidden = true;
      try {
        await run();
        finish();
      } catch (error) {
        const reason = error instanceof ApiError ? error.message : t('error.network');
        const resume = h('button', { type: 'button', class: 'primary' }, t('import.resume'));
        resume.addEventListener('click', () => void attempt(), { once: true });
        notice(
          stopped,
          'error',
          h('strong', null, t('import.stopped', { sent: progress.sent, total: progress.total, reason })),
          h('span', null, t('import.stopped.hint')),
          h('div', { class: 'button-row' }, resume),
        );
      }
    };
    await attempt();
  };

  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    fill(preview);
    if (!chosen) return;
    const name = chosen.name.toLowerCase();
    if (!name.endsWith('.csv') && !name.endsWith('.xlsx')) return notice(status, 'error', t('import.badType'));
    notice(status, 'info', t('import.reading'));
    try {
      showPreview(chosen, readRows(await cellsOf(chosen), regions, expected));
    } catch {
      notice(status, 'error', t('import.unreadable'));
    }
  });

  fill(
    body,
    h('p', { class: 'hint' }, t('import.intro')),
    h('div', { class: 'button-row' }, templateButton),
    h('div', { class: 'field' }, h('label', { for: 'import-file' }, t('import.file')), file),
    status,
    preview,
  );
}
