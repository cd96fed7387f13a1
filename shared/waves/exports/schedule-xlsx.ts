/** "Jadwal Tahapan" as a workbook: one row per stage, dates as real dates Excel can sort. */
import writeXlsxFile, { type Cell } from 'write-excel-file/node';
import type { Lang } from '#shared/kernel/i18n/core.ts';
import { longDate } from '#shared/kernel/pdf/dates.ts';
import { BOLD, header, XLSX_CONTENT_TYPE } from '#shared/kernel/xlsx.ts';
import type { WaveRecord } from '../records.ts';
import { stageLength } from '../rules/stages.ts';
import { waveRecord } from '../use-cases/waves.ts';
import { type WaveLabels, waveLabels } from './labels.ts';

/** A calendar day as Excel's date (midnight UTC, shown without a time). */
const excelDate = (day: string): Cell => ({ value: new Date(`${day}T00:00:00Z`), type: Date, format: 'dd/mm/yyyy' });

async function scheduleXlsx(wave: WaveRecord, labels: WaveLabels, lang: Lang): Promise<Buffer> {
  const { columns } = labels;
  return writeXlsxFile(
    [
      [{ value: `${labels.scheduleTitle} · ${wave.name}`, ...BOLD, fontSize: 13 }],
      [`${labels.votingDay}: ${longDate(wave.votingDay, lang)}`],
      [],
      header([columns.no, columns.stage, columns.code, columns.start, columns.end, columns.days]),
      ...wave.stages.map((stage, index): Cell[] => [
        { value: index + 1, type: Number },
        stage.name,
        stage.code,
        excelDate(stage.start),
        excelDate(stage.end),
        { value: stageLength(stage), type: Number },
      ]),
    ],
    {
      sheet: labels.sheets.schedule,
      columns: [{ width: 6 }, { width: 44 }, { width: 28 }, { width: 13 }, { width: 13 }, { width: 8 }],
    },
  ).toBuffer();
}

/** A wave's schedule as XLSX, in the given language (Indonesian by default). */
export async function exportScheduleXlsx(
  waveId: string,
  lang: Lang = 'id',
): Promise<{ bytes: Uint8Array; contentType: string; fileName: string }> {
  const wave = await waveRecord(waveId);
  const labels = waveLabels(lang);
  return {
    bytes: await scheduleXlsx(wave, labels, lang),
    contentType: XLSX_CONTENT_TYPE,
    fileName: `${labels.scheduleStem}-${wave.votingDay}.xlsx`,
  };
}
