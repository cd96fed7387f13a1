/**
 * The attendance list as an Excel workbook: sheet "Daftar Hadir" (the list) and sheet "Rekap"
 * (per role, per kecamatan, and who is still missing, with desa and kecamatan names). Cells are
 * written as typed strings and numbers, never formulas, so a name starting with "=" stays text.
 */
import writeXlsxFile, { type Cell, type SheetData } from 'write-excel-file/node';
import type { RegencyTimeZone } from '#shared/kernel/config.ts';
import { longDate } from '#shared/kernel/pdf/dates.ts';
import { BOLD, header } from '#shared/kernel/xlsx.ts';
import { roles } from '#shared/sessions/rules/roles.ts';
import { attendanceTable } from './csv.ts';
import type { ExportLabels, ExportLang } from './labels.ts';
import { type AttendanceExport, checkInWallClock, recapSentence, WIB } from './rows.ts';

function listSheet(data: AttendanceExport, labels: ExportLabels, timeZone: RegencyTimeZone): SheetData {
  // The same table as the CSV, with the number as a number, the presence mark centred, and the
  // check-in time a real date-time (the regency's clock, named in the header) Excel can sort and filter.
  const [head = [], ...rows] = attendanceTable(data.rows, labels, timeZone);
  const heading = head.map((value, column) => (column === 7 ? `${value} (${timeZone.label})` : value));
  return [
    header(heading),
    ...rows.map((cells, index) =>
      cells.map((value, column): Cell => {
        if (column === 0) return { value: Number(value), type: Number };
        if (column === 6) return { value, align: 'center' };
        if (column === 7) {
          const at = checkInWallClock(data.rows[index]?.checkedInAt ?? null, timeZone);
          return at ? { value: at, type: Date, format: 'yyyy-mm-dd hh:mm' } : null;
        }
        return value;
      }),
    ),
  ];
}

function recapSheet(data: AttendanceExport, labels: ExportLabels, lang: ExportLang): SheetData {
  const { recap, session } = data;
  const { columns } = labels;
  const count = (value: number): Cell => ({ value, type: Number });
  const sheet: SheetData = [
    [{ value: `${labels.recap.heading}: ${session.title}`, ...BOLD, fontSize: 13 }],
    [`${longDate(session.date, lang)}, ${session.venue}`],
    [recapSentence(recap, labels)],
    [],
    [{ value: labels.recap.byRole, ...BOLD }],
    header([columns.role, columns.registered, columns.present]),
    ...roles.flatMap((role) => {
      const tally = recap.byRole[role];
      return tally ? [[labels.role[role], count(tally.registered), count(tally.present)]] : [];
    }),
    [
      { value: labels.recap.total, ...BOLD },
      { value: recap.registered, type: Number, ...BOLD },
      { value: recap.present, type: Number, ...BOLD },
    ],
    [],
    [{ value: labels.recap.byKecamatan, ...BOLD }],
    header([columns.kecamatan, columns.registered, columns.present]),
    ...data.byKecamatan.map((unit) => [unit.name, count(unit.registered), count(unit.present)]),
    [],
    [{ value: `${labels.recap.missing} (${data.missing.length})`, ...BOLD }],
  ];
  if (data.missing.length === 0) {
    sheet.push([labels.recap.nobodyMissing]);
  } else {
    sheet.push(header([columns.role, columns.village, columns.kecamatan]));
    for (const seat of data.missing) {
      const role = labels.role[seat.role];
      sheet.push(
        seat.short === undefined
          ? [role, seat.villageName, seat.kecamatanName]
          : [role, labels.recap.shortBy(role, seat.short), ''],
      );
    }
  }
  return sheet;
}

/** Renders the workbook's bytes. */
export async function attendanceXlsx(
  data: AttendanceExport,
  labels: ExportLabels,
  lang: ExportLang,
  timeZone: RegencyTimeZone = WIB,
): Promise<Buffer> {
  return writeXlsxFile([
    {
      sheet: labels.sheets.list,
      data: listSheet(data, labels, timeZone),
      columns: [
        { width: 6 },
        { width: 34 },
        { width: 20 },
        { width: 24 },
        { width: 30 },
        { width: 17 },
        { width: 8 },
        { width: 22 },
      ],
      stickyRowsCount: 1,
    },
    {
      sheet: labels.sheets.recap,
      data: recapSheet(data, labels, lang),
      columns: [{ width: 34 }, { width: 24 }, { width: 30 }],
    },
  ]).toBuffer();
}
