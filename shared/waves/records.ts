/**
 * What the waves domain stores: a wave (gelombang) with its voting day, its desa, its schedule and
 * how it escalates; the guard that keeps a desa in one running wave; problems recorded per desa;
 * and the dated snapshots of the readiness totals.
 */
import * as z from 'zod/mini';
import { Ulid, VillageCode } from '#shared/kernel/schemas.ts';

const Person = z.object({ sub: z.string(), name: z.string() });

/** One stage (tahapan) of the schedule, dates inclusive. */
export const StageRecord = z.object({
  code: z.string(),
  name: z.string(),
  start: z.string(),
  end: z.string(),
});
export type StageRecord = z.infer<typeof StageRecord>;

/** When the chase list calls the Kasi (days before voting), and when it marks a desa urgent. */
export const EscalationRecord = z.object({ kasiFromDays: z.int(), urgentFromDays: z.int() });
export type EscalationRecord = z.infer<typeof EscalationRecord>;

export const WaveRecord = z.object({
  id: Ulid,
  name: z.string(),
  votingDay: z.string(),
  villageCodes: z.array(VillageCode),
  stages: z.array(StageRecord),
  escalation: EscalationRecord,
  createdAt: z.string(),
  createdBy: Person,
  updatedAt: z.optional(z.string()),
});
export type WaveRecord = z.infer<typeof WaveRecord>;

/**
 * A desa's place in a wave: at most one wave whose voting day has not passed holds it. The guard
 * is written before the wave; a guard whose wave never appeared is free again after a minute.
 */
export const WaveDesaRecord = z.object({ waveId: Ulid, claimedAt: z.string() });
export type WaveDesaRecord = z.infer<typeof WaveDesaRecord>;

export const problemCategories = ['logistik', 'panitia', 'sengketa', 'keamanan', 'lainnya'] as const;
export const severities = ['LOW', 'MEDIUM', 'HIGH'] as const;

/** A problem (catatan masalah) of a desa, open until resolved. */
export const ProblemRecord = z.object({
  id: Ulid,
  waveId: Ulid,
  villageCode: VillageCode,
  category: z.enum(problemCategories),
  description: z.string(),
  severity: z.enum(severities),
  status: z.enum(['open', 'resolved']),
  createdAt: z.string(),
  createdBy: Person,
  resolvedAt: z.optional(z.string()),
  resolvedBy: z.optional(Person),
  resolution: z.optional(z.string()),
  /** The last correction or reopening, if any (what changed is in the audit trail). */
  updatedAt: z.optional(z.string()),
});
export type ProblemRecord = z.infer<typeof ProblemRecord>;

/** The readiness totals of a wave as of one day. */
export const SnapshotRecord = z.object({
  date: z.string(),
  villages: z.int(),
  ready: z.int(),
  actionNeeded: z.int(),
  late: z.int(),
  takenAt: z.string(),
});
export type SnapshotRecord = z.infer<typeof SnapshotRecord>;
