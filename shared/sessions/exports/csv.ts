/** The attendance list as cells and as CSV text (one row per registration). */
import type { RegencyTimeZone } from '#shared/kernel/config.ts';
import { toCsv } from '#shared/kernel/csv.ts';
import type { ExportLabels } from './labels.ts';
import { type ExportRow, formatCheckInTime, WIB } from './rows.ts';

/** The list's header and rows as cells, in the order every export uses. */
export function attendanceTable(
  rows: readonly ExportRow[],
  labels: ExportLabels,
  timeZone: RegencyTimeZone = WIB,
): string[][] {
  const { columns } = labels;
  return [
    [
      columns.no,
      columns.name,
      columns.role,
      columns.village,
      columns.kecamatan,
      columns.phone,
      columns.present,
      columns.checkedInAt,
    ],
    ...rows.map((row) => [
      String(row.no),
      row.fullName,
      labels.role[row.role],
      row.villageName,
      row.kecamatanName,
      row.phone,
      row.present ? labels.yes : labels.no,
      formatCheckInTime(row.checkedInAt, timeZone),
    ]),
  ];
}

/** Renders the attendance list as CSV text. */
export function attendanceCsv(
  rows: readonly ExportRow[],
  labels: ExportLabels,
  timeZone: RegencyTimeZone = WIB,
): string {
  return toCsv(attendanceTable(rows, labels, timeZone));
}
