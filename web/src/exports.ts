/** Download buttons for the exports (the API needs the bearer token, so a plain link will not do). */
import { ApiError, download } from './api.ts';
import { h, saveBlob } from './dom.ts';
import { notice } from './forms.ts';
import { lang } from './lang.ts';
import type { ContentTypeOf, FileOperation, RequestOf } from './operations.ts';
import { t } from './texts.ts';

export const FORMATS = {
  csv: { ext: 'csv', label: 'CSV', type: 'text/csv' },
  xlsx: { ext: 'xlsx', label: 'Excel', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  pdf: { ext: 'pdf', label: 'PDF', type: 'application/pdf' },
} as const;
type FormatName = keyof typeof FORMATS;

/** The operations whose contract answers a file of this format. */
type ExportOf<F extends FormatName> = {
  [Op in FileOperation]: ContentTypeOf<Op> extends (typeof FORMATS)[F]['type'] ? Op : never;
}[FileOperation];

/** The export operation of each format offered, in the order shown: `{ csv: 'exportAttendanceCsv' }`. */
export type ExportFiles = { [F in FormatName]?: ExportOf<F> };

/** With `params` when the exports take path params (a session's id): the ones their files share. */
type ExportOptions<Files extends ExportFiles> = ExportButtons<Files> &
  Pick<RequestOf<Extract<Files[keyof Files], FileOperation>>, 'params'>;

export interface ExportButtons<Files extends ExportFiles> {
  files: Files;
  /** File name used when the API does not name the file. */
  fallbackName: string;
  /** The button's accessible name, and the failure message, in the area's words. */
  label: (format: string) => string;
  failed: (format: string, reason: string) => string;
  /** Where a failure is told. */
  notices: HTMLElement;
  /** Query the files share besides the language, read at each press (a board's `date`). */
  query?: () => Record<string, string | undefined>;
}

/** One button per format; a press downloads the file in the page's language and saves it. */
export function exportButtons<const Files extends ExportFiles>(options: ExportOptions<Files>): HTMLElement[] {
  return (Object.keys(options.files) as FormatName[]).map((name) => {
    const format = FORMATS[name];
    const operationId = options.files[name] as FileOperation;
    const button = h(
      'button',
      { type: 'button', class: 'secondary', 'aria-label': options.label(format.label) },
      format.label,
    );
    button.addEventListener('click', async () => {
      if (button.disabled) return;
      button.disabled = true;
      options.notices.hidden = true;
      try {
        // Every export reads the page language as `lang`, and the params its files share.
        const request = { params: options.params, query: { ...options.query?.(), lang: lang() }, accept: format.type };
        const file = await download(operationId, request as RequestOf<FileOperation> & { accept: typeof format.type });
        saveBlob(file.blob, file.fileName ?? `${options.fallbackName}.${format.ext}`);
      } catch (error) {
        const reason = error instanceof ApiError ? error.message : t('error.network');
        notice(options.notices, 'error', options.failed(format.label, reason));
      } finally {
        button.disabled = false;
      }
    });
    return button;
  });
}

/** The PDF operations that take only a session's id (letters, name tags, certificates). */
type SessionPdf = {
  [Op in FileOperation]: ContentTypeOf<Op> extends 'application/pdf'
    ? RequestOf<Op> extends { params: { sessionId: string } }
      ? keyof RequestOf<Op>['params'] extends 'sessionId'
        ? Op
        : never
      : never
    : never;
}[FileOperation];

/** One button that downloads a session's PDF (no language: these papers are in Bahasa Indonesia). */
export function pdfButton(options: {
  operationId: SessionPdf;
  sessionId: string;
  label: string;
  fallbackName: string;
  failed: (reason: string) => string;
  notices: HTMLElement;
}): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'secondary' }, options.label);
  button.addEventListener('click', async () => {
    if (button.disabled) return;
    button.disabled = true;
    options.notices.hidden = true;
    try {
      const request = { params: { sessionId: options.sessionId }, accept: 'application/pdf' as const };
      const file = await download(
        options.operationId,
        request as RequestOf<SessionPdf> & { accept: 'application/pdf' },
      );
      saveBlob(file.blob, file.fileName ?? `${options.fallbackName}.pdf`);
    } catch (error) {
      notice(options.notices, 'error', options.failed(error instanceof ApiError ? error.message : t('error.network')));
    } finally {
      button.disabled = false;
    }
  });
  return button;
}
