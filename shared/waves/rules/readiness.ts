/**
 * Whether each desa of a wave is ready for voting day, and why not. A desa is ready when four
 * things hold: its Ketua and Sekretaris Panitia were checked in at a session of the wave
 * (trained), every allocated item arrived usable in the allocated number (supplied), a photo of
 * the signed BAST is stored, and none of its problems is open. It is late when a deadline of the
 * schedule has passed without the part that deadline is for. Pure: the use case reads the records
 * and this decides.
 *
 * The board can be seen as of another day: whatever happened after that day (a check-in, a
 * dispatch, a confirmation, a photo, a problem opened or resolved) is left out, so the board of
 * yesterday is the board yesterday showed.
 */
import { type Params, render, type Text } from '#shared/kernel/i18n/core.ts';
import { compareNames } from '#shared/kernel/people/names.ts';
import {
  notShippedItem,
  reasonBastPhotoMissing,
  reasonKetuaNotTrained,
  reasonNotAllocated,
  reasonNothingShipped,
  reasonNotShipped,
  reasonProblemOpen,
  reasonReceiptPending,
  reasonSekretarisNotTrained,
  reasonShortfall,
  shortfallBoth,
  shortfallMajorDamage,
  shortfallMissing,
} from '../messages.ts';
import type { StageRecord } from '../records.ts';
import { daysBetween } from './calendar.ts';
import { stageOf } from './stages.ts';

export const readinessStates = ['READY', 'ACTION_NEEDED', 'LATE'] as const;
export type ReadinessState = (typeof readinessStates)[number];

export const reasonCodes = [
  'KETUA_NOT_TRAINED',
  'SEKRETARIS_NOT_TRAINED',
  'NOT_ALLOCATED',
  'NOT_SHIPPED',
  'RECEIPT_PENDING',
  'SHORTFALL',
  'BAST_PHOTO_MISSING',
  'PROBLEM_OPEN',
] as const;
export type ReasonCode = (typeof reasonCodes)[number];

/** Roles whose attendance makes a desa trained. */
export const committeeRoles = ['KETUA_PANITIA', 'SEKRETARIS_PANITIA'] as const;
export type CommitteeRole = (typeof committeeRoles)[number];

/** A reason, as a sentence to render in the reader's language. */
export interface Reason {
  code: ReasonCode;
  text: Text;
  params?: Params;
}

export interface CommitteeMember {
  name: string;
  /** `+62…`, when given. */
  phone?: string;
  present: boolean;
}

export interface LogisticsLine {
  itemCode: string;
  allocated: number;
  shipped: number;
  usable: number;
  majorDamage: number;
  missing: number;
}

export interface VillageReadiness {
  villageCode: string;
  kecamatanCode: string;
  villageName: string;
  kecamatanName: string;
  state: ReadinessState;
  reasons: Reason[];
  committee: Record<CommitteeRole, CommitteeMember | null>;
  logistics: { lines: LogisticsLine[]; receiptConfirmed: boolean; bastPhoto: boolean };
  problemsOpen: number;
  /** Shipments whose receipt the desa has still to confirm (their receipt pages are chased). */
  pendingShipmentIds: string[];
}

export interface Tally {
  villages: number;
  ready: number;
  actionNeeded: number;
  late: number;
}

export interface Readiness {
  date: string;
  votingDay: string;
  daysToVoting: number;
  totals: Tally;
  byKecamatan: Record<string, Tally>;
  villages: VillageReadiness[];
}

/** What the rules read, in the shapes the other domains answer. Times are instants (ISO 8601). */
export interface ReadinessSource {
  /** The day to judge as of, in the regency's calendar. */
  date: string;
  votingDay: string;
  stages: readonly StageRecord[];
  /** The calendar day of an instant in the regency's time zone. */
  dayOf: (instant: string) => string;
  villages: ReadonlyArray<{ code: string; name: string; kecamatanCode: string; kecamatanName: string }>;
  registrations: ReadonlyArray<{
    role: string;
    fullName: string;
    phone?: string;
    villageCode?: string;
    createdAt: string;
    checkedInAt?: string;
  }>;
  allocations: ReadonlyMap<string, Readonly<Record<string, number>>>;
  items: ReadonlyMap<string, { name: string }>;
  shipments: ReadonlyArray<{
    id: string;
    villageCode: string;
    createdAt: string;
    lines: ReadonlyArray<{ itemCode: string; quantity: number }>;
    receipt?: {
      confirmedAt: string;
      lines: ReadonlyArray<{
        itemCode: string;
        good: number;
        minorDamage: number;
        majorDamage: number;
        missing: number;
      }>;
    };
    bastPhotoAt?: string;
  }>;
  problems: ReadonlyArray<{ villageCode: string; createdAt: string; resolvedAt?: string }>;
}

const emptyTally = (): Tally => ({ villages: 0, ready: 0, actionNeeded: 0, late: 0 });

function count(tally: Tally, state: ReadinessState): void {
  tally.villages++;
  if (state === 'READY') tally.ready++;
  else if (state === 'LATE') tally.late++;
  else tally.actionNeeded++;
}

/** Groups by a key, keeping the input order. */
function groupBy<T>(values: readonly T[], key: (value: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const value of values) {
    const k = key(value);
    if (k === undefined) continue;
    const group = groups.get(k);
    if (group) group.push(value);
    else groups.set(k, [value]);
  }
  return groups;
}

/** The member of a role among a desa's registrations: whoever came, else the latest registered. */
function memberOf(
  registrations: ReadonlyArray<ReadinessSource['registrations'][number]>,
  present: (at: string | undefined) => boolean,
): CommitteeMember | null {
  let best: ReadinessSource['registrations'][number] | undefined;
  for (const registration of registrations) {
    if (!best) best = registration;
    else {
      const came = present(registration.checkedInAt);
      const bestCame = present(best.checkedInAt);
      if (came !== bestCame ? came : registration.createdAt > best.createdAt) best = registration;
    }
  }
  if (!best) return null;
  return { name: best.fullName, ...(best.phone ? { phone: best.phone } : {}), present: present(best.checkedInAt) };
}

/**
 * The readiness of every desa of a wave as of a day, most in need first within each kecamatan's
 * order (kecamatan, then desa, by name), with the totals overall and per kecamatan.
 */
export function judgeReadiness(source: ReadinessSource): Readiness {
  const { date, dayOf } = source;
  const byThen = (at: string | undefined): at is string => at !== undefined && dayOf(at) <= date;
  const sosialisasi = stageOf(source.stages, 'SOSIALISASI');
  const distribution = stageOf(source.stages, 'DISTRIBUSI_LOGISTIK');
  const trainingLate = sosialisasi !== undefined && date > sosialisasi.end;
  const supplyLate = distribution !== undefined && date > distribution.end;

  const registrations = groupBy(
    source.registrations.filter((registration) => byThen(registration.createdAt)),
    (registration) => (registration.villageCode ? `${registration.villageCode}|${registration.role}` : undefined),
  );
  const shipments = groupBy(
    source.shipments.filter((shipment) => byThen(shipment.createdAt)),
    (shipment) => shipment.villageCode,
  );
  const problems = groupBy(
    source.problems.filter((problem) => byThen(problem.createdAt) && !byThen(problem.resolvedAt)),
    (problem) => problem.villageCode,
  );

  const villages = source.villages.map((village): VillageReadiness => {
    const reasons: Reason[] = [];
    const committee = {
      KETUA_PANITIA: memberOf(registrations.get(`${village.code}|KETUA_PANITIA`) ?? [], byThen),
      SEKRETARIS_PANITIA: memberOf(registrations.get(`${village.code}|SEKRETARIS_PANITIA`) ?? [], byThen),
    };
    if (!committee.KETUA_PANITIA?.present) reasons.push({ code: 'KETUA_NOT_TRAINED', text: reasonKetuaNotTrained });
    if (!committee.SEKRETARIS_PANITIA?.present) {
      reasons.push({ code: 'SEKRETARIS_NOT_TRAINED', text: reasonSekretarisNotTrained });
    }
    const trained = reasons.length === 0;

    // Logistics: allocation against what was shipped and what arrived usable (replacements included).
    const allocation = source.allocations.get(village.code) ?? {};
    const own = shipments.get(village.code) ?? [];
    const lines = new Map<string, LogisticsLine & { pending: number }>();
    const lineOf = (itemCode: string) => {
      let line = lines.get(itemCode);
      if (!line) {
        line = { itemCode, allocated: 0, shipped: 0, usable: 0, majorDamage: 0, missing: 0, pending: 0 };
        lines.set(itemCode, line);
      }
      return line;
    };
    for (const [itemCode, quantity] of Object.entries(allocation))
      if (quantity > 0) lineOf(itemCode).allocated = quantity;
    const pendingShipmentIds: string[] = [];
    for (const shipment of own) {
      const confirmed = shipment.receipt && byThen(shipment.receipt.confirmedAt) ? shipment.receipt : undefined;
      if (!confirmed) pendingShipmentIds.push(shipment.id);
      for (const item of shipment.lines) {
        const line = lineOf(item.itemCode);
        line.shipped += item.quantity;
        if (!confirmed) line.pending += item.quantity;
      }
      for (const item of confirmed?.lines ?? []) {
        const line = lineOf(item.itemCode);
        line.usable += item.good + item.minorDamage;
        line.majorDamage += item.majorDamage;
        line.missing += item.missing;
      }
    }
    const allocated = [...lines.values()].filter((line) => line.allocated > 0);
    const nameOf = (itemCode: string) => source.items.get(itemCode)?.name ?? itemCode;
    if (allocated.length === 0) reasons.push({ code: 'NOT_ALLOCATED', text: reasonNotAllocated });
    const unshipped = allocated.filter((line) => line.shipped < line.allocated);
    if (unshipped.length > 0 && own.length === 0) {
      reasons.push({ code: 'NOT_SHIPPED', text: reasonNothingShipped, params: { n: allocated.length } });
    } else if (unshipped.length > 0) {
      reasons.push({
        code: 'NOT_SHIPPED',
        text: reasonNotShipped,
        params: {
          items: listOf(
            unshipped.map((line) => ({
              text: notShippedItem,
              params: { item: nameOf(line.itemCode), shipped: line.shipped, allocated: line.allocated },
            })),
          ),
        },
      });
    }
    if (pendingShipmentIds.length > 0) {
      reasons.push({ code: 'RECEIPT_PENDING', text: reasonReceiptPending, params: { n: pendingShipmentIds.length } });
    }
    // Short: what arrived unusable and is neither on its way (pending) nor simply not sent yet.
    const short = allocated.flatMap((line) => {
      const n = line.allocated - line.usable - line.pending - Math.max(0, line.allocated - line.shipped);
      if (n <= 0) return [];
      const text =
        line.missing === 0 ? shortfallMajorDamage : line.majorDamage === 0 ? shortfallMissing : shortfallBoth;
      return [{ text, params: { n, item: nameOf(line.itemCode) } }];
    });
    if (short.length > 0) reasons.push({ code: 'SHORTFALL', text: reasonShortfall, params: { items: listOf(short) } });
    const supplied = allocated.length > 0 && allocated.every((line) => line.usable >= line.allocated);

    const bastPhoto = own.some((shipment) => byThen(shipment.bastPhotoAt));
    if (own.length > 0 && !bastPhoto) reasons.push({ code: 'BAST_PHOTO_MISSING', text: reasonBastPhotoMissing });
    const problemsOpen = problems.get(village.code)?.length ?? 0;
    if (problemsOpen > 0) reasons.push({ code: 'PROBLEM_OPEN', text: reasonProblemOpen, params: { n: problemsOpen } });

    const ready = trained && supplied && bastPhoto && problemsOpen === 0;
    const late = (trainingLate && !trained) || (supplyLate && !supplied);
    return {
      villageCode: village.code,
      kecamatanCode: village.kecamatanCode,
      villageName: village.name,
      kecamatanName: village.kecamatanName,
      state: ready ? 'READY' : late ? 'LATE' : 'ACTION_NEEDED',
      reasons,
      committee,
      logistics: {
        lines: [...lines.values()]
          .sort((a, b) => a.itemCode.localeCompare(b.itemCode))
          .map(({ pending: _pending, ...line }) => line),
        receiptConfirmed: own.length > 0 && pendingShipmentIds.length === 0,
        bastPhoto,
      },
      problemsOpen,
      pendingShipmentIds,
    };
  });

  villages.sort(
    (a, b) =>
      compareNames(a.kecamatanName, b.kecamatanName) ||
      a.kecamatanCode.localeCompare(b.kecamatanCode) ||
      compareNames(a.villageName, b.villageName) ||
      a.villageCode.localeCompare(b.villageCode),
  );
  const totals = emptyTally();
  const byKecamatan: Record<string, Tally> = {};
  for (const village of villages) {
    count(totals, village.state);
    byKecamatan[village.kecamatanCode] ??= emptyTally();
    count(byKecamatan[village.kecamatanCode] as Tally, village.state);
  }
  return {
    date,
    votingDay: source.votingDay,
    daysToVoting: daysBetween(date, source.votingDay),
    totals,
    byKecamatan,
    villages,
  };
}

/** Several sentences as one text, joined by semicolons, each rendered in the reader's language. */
function listOf(parts: ReadonlyArray<{ text: Text; params: Params }>): Text {
  return {
    id: parts.map((part) => render('id', part.text, part.params)).join('; '),
    en: parts.map((part) => render('en', part.text, part.params)).join('; '),
  };
}
