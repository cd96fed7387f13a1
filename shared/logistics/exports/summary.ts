/**
 * Logistics exports (CSV, XLSX) per desa and item: the same reads and the same aggregation as
 * `GET /logistics/summary` (four Queries), so the export grants nothing more than Query.
 */
import { regencyConfig } from '#shared/kernel/config.ts';
import { CSV_CONTENT_TYPE } from '#shared/kernel/csv.ts';
import type { Lang as ExportLang } from '#shared/kernel/i18n/core.ts';
import { calendarDate, longDate } from '#shared/kernel/pdf/dates.ts';
import { XLSX_CONTENT_TYPE } from '#shared/kernel/xlsx.ts';
import { loadLogisticsExport } from '../use-cases/summary.ts';
import { logisticsCsv } from './csv.ts';
import { logisticsLabels } from './labels.ts';
import { logisticsXlsx } from './xlsx.ts';

const regency = regencyConfig();

const CONTENT_TYPES = { csv: CSV_CONTENT_TYPE, xlsx: XLSX_CONTENT_TYPE } as const;

/** The logistics per desa and item as a file, named with today's date where the regency is. */
export async function exportLogistics(
  format: 'csv' | 'xlsx',
  lang: ExportLang = 'id',
  now: Date = new Date(),
): Promise<{ bytes: Uint8Array; contentType: string; fileName: string }> {
  const data = await loadLogisticsExport();
  const labels = logisticsLabels(lang);
  const today = calendarDate(now, regencyConfig().timeZone.iana);
  const bytes =
    format === 'csv'
      ? Buffer.from(logisticsCsv(data.rows, labels), 'utf8')
      : await logisticsXlsx(data, labels, labels.heading(regency.name), labels.asOf(longDate(today, lang)));
  return { bytes, contentType: CONTENT_TYPES[format], fileName: `${labels.fileStem}-${today}.${format}` };
}
