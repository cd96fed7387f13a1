/**
 * The readiness board of a wave, its chase list and its daily snapshots. The board reads, in two
 * rounds of parallel requests, a bounded number of things whatever the wave's size: the wave's
 * partition (wave and problems), the sessions of the wave and their registrations (one Query
 * each), the region list; then the catalogue, the ledgers and the shipments of the wave's months.
 * Everything else is the pure rules.
 */
import { inScope, regencyScope, type Scope } from '#shared/kernel/caller.ts';
import { regencyConfig } from '#shared/kernel/config.ts';
import { NotFound } from '#shared/kernel/errors.ts';
import { type Lang, render } from '#shared/kernel/i18n/core.ts';
import { calendarDate } from '#shared/kernel/pdf/dates.ts';
import type { ShipmentForBoard } from '#shared/logistics/repository/shipments.ts';
import { logisticsSince } from '#shared/logistics/use-cases/summary.ts';
import { getRegions } from '#shared/regions/use-cases.ts';
import { waveRegistrations } from '#shared/sessions/use-cases/roster.ts';
import type { Readiness } from '../contract.ts';
import { totalsSentence, waveNotFound } from '../messages.ts';
import type { ProblemRecord, SnapshotRecord, WaveRecord } from '../records.ts';
import { putSnapshot, querySnapshots, queryWavePartition, queryWaves } from '../repository/waves.ts';
import { addDays } from '../rules/calendar.ts';
import { countdownText } from '../rules/follow-ups.ts';
import { type CommitteeMember, type Readiness as Judged, judgeReadiness } from '../rules/readiness.ts';
import { regencyToday, waveRecord } from './waves.ts';

/** Everything the board shows, as of a day. */
export interface Board {
  wave: WaveRecord;
  readiness: Judged;
  problems: ProblemRecord[];
  kasi: Map<string, CommitteeMember>;
  shipments: ShipmentForBoard[];
  items: Map<string, { name: string; unit: string }>;
}

/** The first instant a wave's shipments can have: a day before its first stage starts. */
function shipmentsFrom(wave: WaveRecord): string {
  const [first = wave.votingDay] = [wave.votingDay, ...wave.stages.map((stage) => stage.start)].sort();
  return addDays(first, -1);
}

/** Reads what the board needs and judges every desa as of a day (today in the regency by default). */
/**
 * Everything the board is judged from. In a kecamatan's scope the wave holds that kecamatan's desa
 * only, so the totals, the bars, the list and the chase list all count its own desa and nothing else.
 */
export async function loadBoard(waveId: string, date?: string, scope: Scope = regencyScope): Promise<Board> {
  const [partition, attendance, regions] = await Promise.all([
    queryWavePartition(waveId),
    waveRegistrations(waveId),
    getRegions(),
  ]);
  if (!partition.wave) throw new NotFound(waveNotFound);
  const wave =
    scope.kind === 'regency'
      ? partition.wave
      : { ...partition.wave, villageCodes: partition.wave.villageCodes.filter((code) => inScope(scope, code)) };
  const problems = partition.problems.filter((problem) => inScope(scope, problem.villageCode));
  const logistics = await logisticsSince(shipmentsFrom(wave));
  const { iana } = regencyConfig().timeZone;
  const day = date ?? regencyToday();
  const kecamatanName = new Map(regions.kecamatan.map((unit) => [unit.code, unit.name]));
  const villages = new Map(regions.villages.map((village) => [village.code, village]));
  const inWave = new Set(wave.villageCodes);
  const items = new Map(logistics.items.map((item) => [item.code, item]));
  const shipments = logistics.shipments.filter((shipment) => inWave.has(shipment.villageCode));
  const readiness = judgeReadiness({
    date: day,
    votingDay: wave.votingDay,
    stages: wave.stages,
    dayOf: (instant) => calendarDate(instant, iana),
    villages: wave.villageCodes.map((code) => {
      const village = villages.get(code);
      const kecamatanCode = village?.kecamatanCode ?? code.slice(0, 8);
      return {
        code,
        name: village?.name ?? code,
        kecamatanCode,
        kecamatanName: kecamatanName.get(kecamatanCode) ?? kecamatanCode,
      };
    }),
    registrations: attendance.registrations.filter(
      (registration) => registration.villageCode && inWave.has(registration.villageCode),
    ),
    allocations: new Map(
      logistics.ledgers
        .filter((ledger) => inWave.has(ledger.villageCode))
        .map((ledger) => [ledger.villageCode, ledger.allocation]),
    ),
    items,
    shipments,
    problems,
  });
  // The Kasi Pemerintahan of each kecamatan, whoever came (else the latest registered).
  const kasi = new Map<string, CommitteeMember>();
  for (const registration of attendance.registrations) {
    if (registration.role !== 'KASI_PEMERINTAHAN' || !inScope(scope, registration.kecamatanCode)) continue;
    if (!registration.kecamatanCode) continue;
    if (calendarDate(registration.createdAt, iana) > day) continue;
    const present = registration.checkedInAt !== undefined && calendarDate(registration.checkedInAt, iana) <= day;
    const known = kasi.get(registration.kecamatanCode);
    if (known && (known.present || !present)) continue;
    kasi.set(registration.kecamatanCode, {
      name: registration.fullName,
      ...(registration.phone ? { phone: registration.phone } : {}),
      present,
    });
  }
  return { wave, readiness, problems, kasi, shipments, items };
}

/** The board's totals as one sentence: "61 dari 82 desa siap; 14 perlu tindakan; 7 terlambat; H-12". */
export function totalsText(readiness: Judged, lang: Lang): string {
  const when = countdownText(readiness.daysToVoting);
  return render(lang, totalsSentence, { ...readiness.totals, countdown: render(lang, when.text, { n: when.n }) });
}

/** The board as the API answers it, reasons in the reader's language. */
export function toReadiness(board: Board, lang: Lang): Readiness {
  const { readiness, wave } = board;
  const nameOf = new Map(readiness.villages.map((village) => [village.kecamatanCode, village.kecamatanName]));
  const member = (value: CommitteeMember | null) =>
    value ? { name: value.name, phone: value.phone ?? null, present: value.present } : null;
  return {
    waveId: wave.id,
    date: readiness.date,
    votingDay: readiness.votingDay,
    daysToVoting: readiness.daysToVoting,
    summary: totalsText(readiness, lang),
    totals: readiness.totals,
    byKecamatan: Object.fromEntries(
      Object.entries(readiness.byKecamatan).map(([code, tally]) => [
        code,
        { ...tally, name: nameOf.get(code) ?? code },
      ]),
    ),
    villages: readiness.villages.map((village) => ({
      villageCode: village.villageCode,
      kecamatanCode: village.kecamatanCode,
      villageName: village.villageName,
      kecamatanName: village.kecamatanName,
      state: village.state,
      reasons: village.reasons.map((reason) => ({
        code: reason.code,
        message: render(lang, reason.text, reason.params),
      })),
      committee: {
        KETUA_PANITIA: member(village.committee.KETUA_PANITIA),
        SEKRETARIS_PANITIA: member(village.committee.SEKRETARIS_PANITIA),
      },
      logistics: {
        ...village.logistics,
        lines: village.logistics.lines.map((line) => ({
          ...line,
          itemName: board.items.get(line.itemCode)?.name ?? line.itemCode,
        })),
      },
      problemsOpen: village.problemsOpen,
    })),
  };
}

/** The readiness of every desa of a wave as of a day. */
export async function getReadiness(
  waveId: string,
  date: string | undefined,
  lang: Lang,
  scope: Scope = regencyScope,
): Promise<Readiness> {
  return toReadiness(await loadBoard(waveId, date, scope), lang);
}

/** The snapshots of a wave's totals, oldest first. */
export async function readinessHistory(waveId: string): Promise<{ votingDay: string; items: SnapshotRecord[] }> {
  const [wave, items] = await Promise.all([waveRecord(waveId), querySnapshots(waveId)]);
  return { votingDay: wave.votingDay, items };
}

/**
 * Stores today's totals of every wave still running (voting day today or later, and the day after
 * so the last day is kept). Run daily by the scheduler (07:00 in the regency), and by `npm start`.
 */
export async function takeSnapshots(now: Date = new Date()): Promise<Array<{ waveId: string } & SnapshotRecord>> {
  const today = regencyToday(now);
  const running = (await queryWaves()).filter((wave) => addDays(wave.votingDay, 1) >= today);
  const taken: Array<{ waveId: string } & SnapshotRecord> = [];
  for (const wave of running) {
    const board = await loadBoard(wave.id, today);
    const snapshot: SnapshotRecord = { date: today, ...board.readiness.totals, takenAt: now.toISOString() };
    await putSnapshot(wave.id, snapshot);
    taken.push({ waveId: wave.id, ...snapshot });
  }
  return taken;
}
