/** Download buttons for the exports (the API needs the bearer token, so a plain link will not do). */
import { ApiError, download } from './api.ts';
import { h, saveBlob } from './dom.ts';
import { notice } from './forms.ts';
import { lang } from './lang.ts';
import { t } from './texts.ts';

export const FORMATS = {
  csv: { ext: 'csv', label: 'CSV', type: 'text/csv' },
  xlsx: { ext: 'xlsx', label: 'Excel', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  pdf: { ext: 'pdf', label: 'PDF', type: 'application/pdf' },
} as const;
export type Format = (typeof FORMATS)[keyof typeof FORMATS];

export interface ExportButtons {
  /** Address of the export without its extension: `/sessions/<id>/attendance`. */
  path: string;
  /** File name used when the API does not name the file. */
  fallbackName: string;
  formats: readonly Format[];
  /** The button's accessible name, and the failure message, in the area's words. */
  label: (format: string) => string;
  failed: (format: string, reason: string) => string;
  /** Where a failure is told. */
  notices: HTMLElement;
}

/** One button per format; a press downloads the file in the page's language and saves it. */
export function exportButtons(options: ExportButtons): HTMLElement[] {
  return options.formats.map((format) => {
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
        const file = await download(`${options.path}.${format.ext}?lang=${lang()}`, format.type);
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
