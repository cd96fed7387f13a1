/**
 * The readiness board as spreadsheets: CSV (one row per desa) and XLSX (the summary with the
 * totals per kecamatan, the same desa rows, and the logistics lines per desa and item). Both come
 * from the same board the API answers, as of the same day.
 */
import writeXlsxFile, { type Cell, type SheetData } from 'write-excel-file/node';
import { regencyConfig } from '#shared/kernel/config.ts';
import { CSV_CONTENT_TYPE, toCsv } from '#shared/kernel/csv.ts';
import type { Lang } from '#shared/kernel/i18n/core.ts';
import { render } from '#shared/kernel/i18n/core.ts';
import { longDate } from '#shared/kernel/pdf/dates.ts';
import { BOLD, header, XLSX_CONTENT_TYPE } from '#shared/kernel/xlsx.ts';
import type { Readiness } from '../contract.ts';
import { countdownText } from '../rules/follow-ups.ts';
import { loadBoard, toReadiness } from '../use-cases/readiness.ts';
import { type WaveLabels, waveLabels } from './labels.ts';

const count = (value: number, bold = false): Cell => ({ value, type: Number, ...(bold ? BOLD : {}) });

/** "H-12" in the report's language. */
export function countdownLabel(daysToVoting: number, lang: Lang): string {
  const when = countdownText(daysToVoting);
  return render(lang, when.text, { n: when.n });
}

/** One row per desa: where it is, its state and reasons, its committee, its logistics and problems. */
export function readinessTable(readiness: Readiness, labels: WaveLabels): string[][] {
  const { columns } = labels;
  const yesNo = (value: boolean) => (value ? labels.yes : labels.no);
  return [
    [
      columns.kecamatan,
      columns.village,
      columns.villageCode,
      columns.state,
      columns.reasons,
      columns.ketua,
      columns.ketuaPhone,
      columns.ketuaPresent,
      columns.sekretaris,
      columns.sekretarisPhone,
      columns.sekretarisPresent,
      columns.receiptConfirmed,
      columns.bastPhoto,
      columns.problemsOpen,
    ],
    ...readiness.villages.map((village) => {
      const ketua = village.committee.KETUA_PANITIA;
      const sekretaris = village.committee.SEKRETARIS_PANITIA;
      return [
        village.kecamatanName,
        village.villageName,
        village.villageCode,
        labels.state[village.state],
        village.reasons.map((reason) => reason.message).join('; '),
        ketua?.name ?? '',
        ketua?.phone ?? '',
        yesNo(ketua?.present ?? false),
        sekretaris?.name ?? '',
        sekretaris?.phone ?? '',
        yesNo(sekretaris?.present ?? false),
        yesNo(village.logistics.receiptConfirmed),
        yesNo(village.logistics.bastPhoto),
        String(village.problemsOpen),
      ];
    }),
  ];
}

function summarySheet(readiness: Readiness, labels: WaveLabels, heading: string, lang: Lang): SheetData {
  const { columns } = labels;
  const kecamatan = Object.values(readiness.byKecamatan).sort((a, b) => a.name.localeCompare(b.name, 'id'));
  return [
    [{ value: heading, ...BOLD, fontSize: 13 }],
    [labels.asOf(longDate(readiness.date, lang), countdownLabel(readiness.daysToVoting, lang))],
    [`${labels.votingDay}: ${longDate(readiness.votingDay, lang)}`],
    [readiness.summary],
    [],
    [{ value: labels.byKecamatan, ...BOLD }],
    header([columns.kecamatan, columns.villages, labels.state.READY, labels.state.ACTION_NEEDED, labels.state.LATE]),
    ...kecamatan.map((unit): Cell[] => [
      unit.name,
      count(unit.villages),
      count(unit.ready),
      count(unit.actionNeeded),
      count(unit.late),
    ]),
    [
      { value: labels.total, ...BOLD },
      count(readiness.totals.villages, true),
      count(readiness.totals.ready, true),
      count(readiness.totals.actionNeeded, true),
      count(readiness.totals.late, true),
    ],
  ];
}

function logisticsSheet(readiness: Readiness, labels: WaveLabels): SheetData {
  const { columns } = labels;
  return [
    header([
      columns.kecamatan,
      columns.village,
      columns.villageCode,
      columns.itemCode,
      columns.item,
      columns.allocated,
      columns.shipped,
      columns.usable,
      columns.majorDamage,
      columns.missing,
    ]),
    ...readiness.villages.flatMap((village) =>
      village.logistics.lines.map((line): Cell[] => [
        village.kecamatanName,
        village.villageName,
        village.villageCode,
        line.itemCode,
        line.itemName,
        count(line.allocated),
        count(line.shipped),
        count(line.usable),
        count(line.majorDamage),
        count(line.missing),
      ]),
    ),
  ];
}

/** The board of a wave as of a day, as CSV or XLSX in the given language (Indonesian by default). */
export async function exportReadiness(
  waveId: string,
  format: 'csv' | 'xlsx',
  date: string | undefined,
  lang: Lang = 'id',
): Promise<{ bytes: Uint8Array; contentType: string; fileName: string }> {
  const board = await loadBoard(waveId, date);
  const readiness = toReadiness(board, lang);
  const labels = waveLabels(lang);
  const fileName = `${labels.readinessStem}-${readiness.date}.${format}`;
  if (format === 'csv') {
    return {
      bytes: Buffer.from(toCsv(readinessTable(readiness, labels)), 'utf8'),
      contentType: CSV_CONTENT_TYPE,
      fileName,
    };
  }
  const [head = [], ...rows] = readinessTable(readiness, labels);
  const problemsColumn = head.length - 1;
  const heading = `${labels.readinessTitle} · ${board.wave.name} · ${regencyConfig().name}`;
  const bytes = await writeXlsxFile([
    {
      sheet: labels.sheets.summary,
      data: summarySheet(readiness, labels, heading, lang),
      columns: [{ width: 28 }, ...[1, 2, 3, 4].map(() => ({ width: 16 }))],
    },
    {
      sheet: labels.sheets.villages,
      data: [
        header(head),
        ...rows.map((cells) =>
          cells.map((value, column): Cell => (column === problemsColumn ? count(Number(value)) : value)),
        ),
      ],
      columns: [
        { width: 22 },
        { width: 22 },
        { width: 15 },
        { width: 15 },
        { width: 60 },
        { width: 24 },
        { width: 16 },
        { width: 12 },
        { width: 24 },
        { width: 16 },
        { width: 12 },
        { width: 12 },
        { width: 10 },
        { width: 10 },
      ],
      stickyRowsCount: 1,
    },
    {
      sheet: labels.sheets.logistics,
      data: logisticsSheet(readiness, labels),
      columns: [
        { width: 22 },
        { width: 22 },
        { width: 15 },
        { width: 16 },
        { width: 28 },
        ...[1, 2, 3, 4, 5].map(() => ({ width: 12 })),
      ],
      stickyRowsCount: 1,
    },
  ]).toBuffer();
  return { bytes, contentType: XLSX_CONTENT_TYPE, fileName };
}
