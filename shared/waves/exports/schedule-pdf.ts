/**
 * "Jadwal Tahapan" printed: the stages drawn as bars on a calendar (months ruled, voting day and
 * today marked), then the table of stages with their dates.
 */
import { regencyConfig } from '#shared/kernel/config.ts';
import type { Lang } from '#shared/kernel/i18n/core.ts';
import { dayMonthYear, longDate } from '#shared/kernel/pdf/dates.ts';
import { contentWidth, createPdf, FONT, type PdfDocument, renderPdf } from '#shared/kernel/pdf/document.ts';
import { drawDetails, drawLetterhead, drawTitle, stampFooter } from '#shared/kernel/pdf/layout.ts';
import { drawTable } from '#shared/kernel/pdf/table.ts';
import type { StageRecord, WaveRecord } from '../records.ts';
import { addDays, daysBetween } from '../rules/calendar.ts';
import { REQUIRED_STAGES, stageLength } from '../rules/stages.ts';
import { regencyToday, waveRecord } from '../use-cases/waves.ts';
import { type WaveLabels, waveLabels } from './labels.ts';

const MONTHS_SHORT = {
  id: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
} as const;

/** `2026-11-02` → "2 Nov 2026". */
function shortDate(day: string, lang: Lang): string {
  return `${Number(day.slice(8, 10))} ${MONTHS_SHORT[lang][Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`;
}

/** The stages as bars on a calendar from the first start to the last end, months ruled, voting day and today marked. */
function drawTimeline(doc: PdfDocument, stages: readonly StageRecord[], votingDay: string, today: string, lang: Lang) {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const labelWidth = 170;
  const chartLeft = left + labelWidth;
  const chartWidth = width - labelWidth;
  const first = [...stages.map((stage) => stage.start)].sort()[0] ?? votingDay;
  const last = [...stages.map((stage) => stage.end)].sort().at(-1) ?? votingDay;
  const span = daysBetween(first, last) + 1;
  const xOf = (day: string) => chartLeft + (daysBetween(first, day) / span) * chartWidth;
  const rowHeight = 15;
  const top = doc.y + 14;
  const bottom = top + stages.length * rowHeight;

  // Month rules and names along the top.
  doc.font(FONT.regular).fontSize(7).fillColor('#555555');
  // The 1st of each month: the 28th plus four days is always in the next month.
  const nextMonth = (day: string) => `${addDays(`${day.slice(0, 7)}-28`, 4).slice(0, 7)}-01`;
  for (let day = `${first.slice(0, 7)}-01`; day <= last; day = nextMonth(day)) {
    const x = Math.max(chartLeft, xOf(day));
    doc
      .save()
      .lineWidth(0.3)
      .strokeColor('#bbbbbb')
      .moveTo(x, top - 2)
      .lineTo(x, bottom)
      .stroke()
      .restore();
    const month = MONTHS_SHORT[lang][Number(day.slice(5, 7)) - 1] ?? '';
    doc.text(`${month} ${day.slice(2, 4)}`, x + 2, top - 11, { lineBreak: false });
  }
  stages.forEach((stage, index) => {
    const y = top + index * rowHeight;
    doc.font(FONT.regular).fontSize(7.5).fillColor('#000000');
    doc.text(stage.name, left, y + 3, { width: labelWidth - 6, height: rowHeight, ellipsis: true, lineBreak: false });
    const x = xOf(stage.start);
    const barWidth = Math.max(2, xOf(addDays(stage.end, 1)) - x);
    const required = (REQUIRED_STAGES as readonly string[]).includes(stage.code);
    doc
      .save()
      .rect(x, y + 3, barWidth, rowHeight - 6)
      .fill(required ? '#1f5fa8' : '#8fb3dc')
      .restore();
  });
  const mark = (day: string, color: string, label: string) => {
    if (day < first || day > last) return;
    const x = xOf(day) + 0.5;
    doc
      .save()
      .lineWidth(1)
      .strokeColor(color)
      .moveTo(x, top - 2)
      .lineTo(x, bottom + 2)
      .stroke()
      .restore();
    doc
      .font(FONT.bold)
      .fontSize(7)
      .fillColor(color)
      .text(label, x - 40, bottom + 4, { width: 80, align: 'center' });
  };
  mark(votingDay, '#b00020', dayMonthYear(votingDay, lang));
  if (today !== votingDay) mark(today, '#0a7a2f', lang === 'id' ? 'Hari ini' : 'Today');
  doc.fillColor('#000000');
  doc.x = left;
  doc.y = bottom + 20;
}

async function schedulePdf(wave: WaveRecord, labels: WaveLabels, lang: Lang): Promise<Buffer> {
  const regency = regencyConfig().name;
  const { columns } = labels;
  const doc = createPdf({ title: `${labels.scheduleTitle}: ${wave.name}`, author: regency, lang });
  drawLetterhead(doc, [labels.government(regency), labels.office]);
  drawTitle(doc, labels.scheduleTitle, wave.name);
  drawDetails(doc, [[labels.votingDay, longDate(wave.votingDay, lang)]]);
  doc.moveDown(0.8);
  drawTimeline(doc, wave.stages, wave.votingDay, regencyToday(), lang);
  doc.moveDown(0.6);
  drawTable<StageRecord>(
    doc,
    [
      { header: columns.no, width: 26, align: 'right', text: (_stage, index) => String(index + 1) },
      { header: columns.stage, width: 187, text: (stage) => stage.name },
      { header: columns.code, width: 152, text: (stage) => stage.code },
      { header: columns.start, width: 62, text: (stage) => shortDate(stage.start, lang) },
      { header: columns.end, width: 62, text: (stage) => shortDate(stage.end, lang) },
      { header: columns.days, width: 38, align: 'right', text: (stage) => String(stageLength(stage)) },
    ],
    wave.stages,
    { style: { fontSize: 8.5, headerFontSize: 8.5 } },
  );
  stampFooter(doc, `${labels.scheduleTitle} · ${wave.name}`, labels.page);
  return renderPdf(doc);
}

/** A wave's schedule as PDF, in the given language (Indonesian by default). */
export async function exportSchedulePdf(
  waveId: string,
  lang: Lang = 'id',
): Promise<{ bytes: Uint8Array; contentType: string; fileName: string }> {
  const wave = await waveRecord(waveId);
  const labels = waveLabels(lang);
  return {
    bytes: await schedulePdf(wave, labels, lang),
    contentType: 'application/pdf',
    fileName: `${labels.scheduleStem}-${wave.votingDay}.pdf`,
  };
}
