/**
 * "Laporan Kesiapan Pilkades", for the Bupati and the Desk Pilkada: the kop, the date and days to
 * voting, the totals as one sentence, a table per kecamatan (ready, action needed, late), then
 * every desa that is not ready with its reasons, most urgent (late) first.
 */
import { regencyConfig } from '#shared/kernel/config.ts';
import type { Lang } from '#shared/kernel/i18n/core.ts';
import { longDate } from '#shared/kernel/pdf/dates.ts';
import { contentWidth, createPdf, FONT, renderPdf } from '#shared/kernel/pdf/document.ts';
import { drawDetails, drawLetterhead, drawTitle, stampFooter } from '#shared/kernel/pdf/layout.ts';
import { drawTable } from '#shared/kernel/pdf/table.ts';
import type { Readiness } from '../contract.ts';
import { loadBoard, toReadiness } from '../use-cases/readiness.ts';
import { waveLabels } from './labels.ts';
import { countdownLabel } from './readiness.ts';

type Tally = Readiness['byKecamatan'][string];
type Village = Readiness['villages'][number];

/** Renders the report of a board as PDF bytes. */
export async function readinessPdf(readiness: Readiness, waveName: string, lang: Lang): Promise<Buffer> {
  const labels = waveLabels(lang);
  const regency = regencyConfig().name;
  const { columns } = labels;
  const date = longDate(readiness.date, lang);
  const doc = createPdf({
    title: `${labels.readinessTitle}: ${waveName}`,
    author: regency,
    subject: `${waveName}, ${date}`,
    lang,
  });
  drawLetterhead(doc, [labels.government(regency), labels.office]);
  drawTitle(doc, labels.readinessTitle, waveName);
  drawDetails(doc, [
    [labels.reportDate, `${date} (${countdownLabel(readiness.daysToVoting, lang)})`],
    [labels.votingDay, longDate(readiness.votingDay, lang)],
  ]);
  doc.moveDown(0.6);
  doc
    .font(FONT.bold)
    .fontSize(11)
    .text(`${readiness.summary}.`, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.8);

  doc.font(FONT.bold).fontSize(10).text(labels.byKecamatan, doc.page.margins.left, doc.y);
  doc.moveDown(0.3);
  const kecamatan: Array<Tally & { total?: boolean }> = Object.values(readiness.byKecamatan).sort((a, b) =>
    a.name.localeCompare(b.name, 'id'),
  );
  kecamatan.push({ ...readiness.totals, name: labels.total, total: true });
  const bold = (row: { total?: boolean }) => row.total === true;
  drawTable(
    doc,
    [
      { header: columns.kecamatan, width: 175, text: (row) => row.name, bold },
      { header: columns.villages, width: 85, align: 'right', text: (row) => String(row.villages), bold },
      { header: labels.state.READY, width: 85, align: 'right', text: (row) => String(row.ready), bold },
      {
        header: labels.state.ACTION_NEEDED,
        width: 95,
        align: 'right',
        text: (row) => String(row.actionNeeded),
        bold,
      },
      { header: labels.state.LATE, width: 87, align: 'right', text: (row) => String(row.late), bold },
    ],
    kecamatan,
    { style: { fontSize: 9, headerFontSize: 9, minRowHeight: 15 } },
  );
  doc.moveDown(1);

  const order = { LATE: 0, ACTION_NEEDED: 1, READY: 2 } as const;
  const notReady = readiness.villages
    .filter((village) => village.state !== 'READY')
    .sort((a, b) => order[a.state] - order[b.state]);
  doc.font(FONT.bold).fontSize(10).text(labels.notReady(notReady.length), doc.page.margins.left, doc.y);
  doc.moveDown(0.3);
  if (notReady.length === 0) {
    doc.font(FONT.regular).fontSize(9.5).text(labels.allReady);
  } else {
    drawTable<Village>(
      doc,
      [
        { header: columns.no, width: 26, align: 'right', text: (_row, index) => String(index + 1) },
        { header: columns.kecamatan, width: 88, text: (row) => row.kecamatanName },
        { header: columns.village, width: 92, text: (row) => row.villageName },
        {
          header: columns.state,
          width: 70,
          text: (row) => labels.state[row.state],
          bold: (row) => row.state === 'LATE',
        },
        {
          header: columns.reasons,
          width: 251,
          text: (row) => row.reasons.map((reason) => `• ${reason.message}`).join('\n'),
        },
      ],
      notReady,
      {
        style: { fontSize: 8.5, headerFontSize: 8.5, padding: 3 },
        separator: (row, previous) => previous !== undefined && row.state !== previous.state,
      },
    );
  }
  stampFooter(doc, `${labels.readinessTitle} · ${waveName} · ${date}`, labels.page);
  return renderPdf(doc);
}

/** The report of a wave as of a day, as a file. */
export async function exportReadinessPdf(
  waveId: string,
  date: string | undefined,
  lang: Lang = 'id',
): Promise<{ bytes: Uint8Array; contentType: string; fileName: string }> {
  const board = await loadBoard(waveId, date);
  const readiness = toReadiness(board, lang);
  const labels = waveLabels(lang);
  return {
    bytes: await readinessPdf(readiness, board.wave.name, lang),
    contentType: 'application/pdf',
    fileName: `${labels.readinessStem}-${readiness.date}.pdf`,
  };
}
