import * as z from 'zod/mini';
import { contract } from '#shared/kernel/http/contract.ts';
import { count, IsoDate, KecamatanCode, text, Ulid, VillageCode } from '#shared/kernel/schemas.ts';
import { EscalationRecord, problemCategories, SnapshotRecord, StageRecord, severities } from './records.ts';
import { contactRoles } from './rules/follow-ups.ts';
import { readinessStates, reasonCodes } from './rules/readiness.ts';

const Escalation = z.strictObject({ kasiFromDays: count(120, 0), urgentFromDays: count(120, 0) });

const VillageCodes = z.array(VillageCode).check(z.minLength(1), z.maxLength(10_000));

export const WaveInput = z.strictObject({
  name: text(150, 3),
  votingDay: IsoDate,
  villageCodes: VillageCodes,
  escalation: z.optional(Escalation),
});
export type WaveInput = z.infer<typeof WaveInput>;

/** A change to a wave: the details that change (absent ones stay), and optionally why. */
export const WavePatch = z.strictObject({
  name: z.optional(text(150, 3)),
  votingDay: z.optional(IsoDate),
  villageCodes: z.optional(VillageCodes),
  escalation: z.optional(Escalation),
  reason: z.optional(text(300, 3)),
});
export type WavePatch = z.infer<typeof WavePatch>;

export const Stage = z.strictObject({
  code: z.string().check(z.regex(/^[A-Z][A-Z0-9_]{1,39}$/, { error: 'field.stageCode' })),
  name: text(120, 3),
  start: IsoDate,
  end: IsoDate,
});

export const StagesInput = z.strictObject({
  stages: z.array(Stage).check(z.minLength(3), z.maxLength(40)),
  reason: z.optional(text(300, 3)),
});
export type StagesInput = z.infer<typeof StagesInput>;

export const Wave = z.object({
  id: Ulid,
  name: z.string(),
  votingDay: IsoDate,
  villageCodes: z.array(VillageCode),
  stages: z.array(StageRecord),
  escalation: EscalationRecord,
  createdAt: z.string(),
  updatedAt: z.nullable(z.string()),
});
export type Wave = z.infer<typeof Wave>;

export const WaveSummary = z.object({
  id: Ulid,
  name: z.string(),
  votingDay: IsoDate,
  villages: z.int(),
  createdAt: z.string(),
});
export type WaveSummary = z.infer<typeof WaveSummary>;

const WaveParams = z.strictObject({ waveId: Ulid });
const ProblemParams = z.strictObject({ waveId: Ulid, problemId: Ulid });

export const listWaves = contract({
  summary: 'Waves (gelombang), latest voting day first',
  tag: 'Waves',
  replies: { 200: { description: 'Every wave', schema: z.object({ items: z.array(WaveSummary) }) } },
});

export const createWave = contract({
  summary: 'Create a wave: its name, voting day and desa; its schedule starts from the template',
  tag: 'Waves',
  body: { schema: WaveInput },
  replies: {
    201: { description: 'The new wave', schema: Wave },
    409: { description: 'A desa already belongs to another wave whose voting day has not passed' },
  },
});

export const getWave = contract({
  summary: 'One wave with its schedule',
  tag: 'Waves',
  params: WaveParams,
  replies: { 200: { description: 'The wave', schema: Wave } },
});

export const updateWave = contract({
  summary: 'Change a wave: name, voting day (the schedule moves along), desa, escalation',
  tag: 'Waves',
  params: WaveParams,
  body: { schema: WavePatch },
  replies: {
    200: { description: 'The wave as it is now', schema: Wave },
    409: { description: 'A desa added belongs to another running wave, or the wave changed meanwhile' },
  },
});

export const deleteWave = contract({
  summary: 'Remove a wave made by mistake (only while no session belongs to it); its desa are free again',
  tag: 'Waves',
  params: WaveParams,
  body: { schema: z.strictObject({ reason: text(300, 3) }) },
  replies: {
    204: { description: 'Removed' },
    409: { description: 'Sessions still belong to the wave' },
  },
});

export const putStages = contract({
  summary: 'Replace the schedule (tahapan) of a wave',
  tag: 'Waves',
  params: WaveParams,
  body: { schema: StagesInput },
  replies: { 200: { description: 'The wave with its new schedule', schema: Wave } },
});

const ScheduleQuery = z.strictObject({ lang: z.optional(z.enum(['id', 'en'])) });

export const exportSchedulePdf = contract({
  summary: 'The schedule (Jadwal Tahapan) as a printable PDF',
  tag: 'Waves',
  params: WaveParams,
  query: ScheduleQuery,
  replies: { 200: { description: 'PDF file', contentType: 'application/pdf' } },
});

export const exportScheduleXlsx = contract({
  summary: 'The schedule (Jadwal Tahapan) as an Excel workbook',
  tag: 'Waves',
  params: WaveParams,
  query: ScheduleQuery,
  replies: {
    200: {
      description: 'XLSX file',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    },
  },
});

// Readiness

const DateQuery = z.strictObject({ date: z.optional(IsoDate) });

const Reason = z.object({ code: z.enum(reasonCodes), message: z.string() });
const Member = z.nullable(z.object({ name: z.string(), phone: z.nullable(z.string()), present: z.boolean() }));
const Tally = z.object({ villages: z.int(), ready: z.int(), actionNeeded: z.int(), late: z.int() });

export const VillageReadiness = z.object({
  villageCode: VillageCode,
  kecamatanCode: KecamatanCode,
  villageName: z.string(),
  kecamatanName: z.string(),
  state: z.enum(readinessStates),
  reasons: z.array(Reason),
  committee: z.object({ KETUA_PANITIA: Member, SEKRETARIS_PANITIA: Member }),
  logistics: z.object({
    lines: z.array(
      z.object({
        itemCode: z.string(),
        itemName: z.string(),
        allocated: z.int(),
        shipped: z.int(),
        usable: z.int(),
        majorDamage: z.int(),
        missing: z.int(),
      }),
    ),
    receiptConfirmed: z.boolean(),
    bastPhoto: z.boolean(),
  }),
  problemsOpen: z.int(),
});

export const Readiness = z.object({
  waveId: Ulid,
  date: IsoDate,
  votingDay: IsoDate,
  daysToVoting: z.int(),
  /** The totals as one sentence: "61 dari 82 desa siap; 14 perlu tindakan; 7 terlambat; H-12". */
  summary: z.string(),
  totals: Tally,
  byKecamatan: z.record(KecamatanCode, z.extend(Tally, { name: z.string() })),
  villages: z.array(VillageReadiness),
});
export type Readiness = z.infer<typeof Readiness>;

export const getReadiness = contract({
  summary: 'Readiness of every desa of the wave as of a day (today in the regency by default)',
  tag: 'Readiness',
  params: WaveParams,
  query: DateQuery,
  replies: { 200: { description: 'The board', schema: Readiness } },
});

const ExportQuery = z.strictObject({ date: z.optional(IsoDate), lang: z.optional(z.enum(['id', 'en'])) });

export const exportReadinessCsv = contract({
  summary: 'Readiness per desa as CSV',
  tag: 'Readiness',
  params: WaveParams,
  query: ExportQuery,
  replies: { 200: { description: 'CSV file', contentType: 'text/csv' } },
});

export const exportReadinessXlsx = contract({
  summary: 'Readiness per desa and per kecamatan as an Excel workbook',
  tag: 'Readiness',
  params: WaveParams,
  query: ExportQuery,
  replies: {
    200: {
      description: 'XLSX file',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    },
  },
});

export const exportReadinessPdf = contract({
  summary: 'Laporan Kesiapan Pilkades: dated, totals, a table per kecamatan, every desa not ready with its reasons',
  tag: 'Readiness',
  params: WaveParams,
  query: ExportQuery,
  replies: { 200: { description: 'PDF file', contentType: 'application/pdf' } },
});

export const FollowUps = z.object({
  waveId: Ulid,
  date: IsoDate,
  daysToVoting: z.int(),
  items: z.array(
    z.object({
      villageCode: VillageCode,
      kecamatanCode: KecamatanCode,
      villageName: z.string(),
      kecamatanName: z.string(),
      state: z.enum(readinessStates),
      reasons: z.array(Reason),
      level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
      urgent: z.boolean(),
      contacts: z.array(
        z.object({ role: z.enum(contactRoles), name: z.string(), phone: z.string(), whatsappUrl: z.string() }),
      ),
      /** Said when the desa's committee left no phone number. */
      note: z.nullable(z.string()),
    }),
  ),
});
export type FollowUps = z.infer<typeof FollowUps>;

export const getFollowUps = contract({
  summary: 'The chase list: every desa not ready, most urgent first, whom to call and a WhatsApp link',
  tag: 'Readiness',
  params: WaveParams,
  query: DateQuery,
  replies: { 200: { description: 'The chase list', schema: FollowUps } },
});

export const getReadinessHistory = contract({
  summary: 'The daily snapshots of the readiness totals, oldest first',
  tag: 'Readiness',
  params: WaveParams,
  replies: {
    200: {
      description: 'Snapshots',
      schema: z.object({ votingDay: IsoDate, items: z.array(SnapshotRecord) }),
    },
  },
});

// Problems

export const Problem = z.object({
  id: Ulid,
  waveId: Ulid,
  villageCode: VillageCode,
  category: z.enum(problemCategories),
  description: z.string(),
  severity: z.enum(severities),
  status: z.enum(['open', 'resolved']),
  createdAt: z.string(),
  createdBy: z.string(),
  resolvedAt: z.nullable(z.string()),
  resolvedBy: z.nullable(z.string()),
  resolution: z.nullable(z.string()),
});
export type Problem = z.infer<typeof Problem>;

export const ProblemInput = z.strictObject({
  villageCode: VillageCode,
  category: z.enum(problemCategories),
  description: text(1000, 3),
  severity: z.enum(severities),
});
export type ProblemInput = z.infer<typeof ProblemInput>;

export const ProblemPatch = z.strictObject({
  category: z.optional(z.enum(problemCategories)),
  description: z.optional(text(1000, 3)),
  severity: z.optional(z.enum(severities)),
  reason: z.optional(text(300, 3)),
});
export type ProblemPatch = z.infer<typeof ProblemPatch>;

export const addProblem = contract({
  summary: 'Record a problem (catatan masalah) of a desa of the wave',
  tag: 'Problems',
  params: WaveParams,
  body: { schema: ProblemInput },
  replies: { 201: { description: 'The problem, open', schema: Problem } },
});

export const listProblems = contract({
  summary: 'Problems of the wave, newest first; open or resolved, of one desa',
  tag: 'Problems',
  params: WaveParams,
  query: z.strictObject({ status: z.optional(z.enum(['open', 'resolved'])), villageCode: z.optional(VillageCode) }),
  replies: { 200: { description: 'Problems', schema: z.object({ items: z.array(Problem) }) } },
});

export const updateProblem = contract({
  summary: 'Correct a problem: its category, description or severity',
  tag: 'Problems',
  params: ProblemParams,
  body: { schema: ProblemPatch },
  replies: { 200: { description: 'The problem as it is now', schema: Problem } },
});

export const resolveProblem = contract({
  summary: 'Resolve a problem, saying how',
  tag: 'Problems',
  params: ProblemParams,
  body: { schema: z.strictObject({ resolution: text(1000, 3) }) },
  replies: {
    200: { description: 'The problem, resolved', schema: Problem },
    409: { description: 'Already resolved' },
  },
});

export const reopenProblem = contract({
  summary: 'Open a resolved problem again (resolved by mistake, or it came back), saying why',
  tag: 'Problems',
  params: ProblemParams,
  body: { schema: z.strictObject({ reason: text(300, 3) }) },
  replies: {
    200: { description: 'The problem, open', schema: Problem },
    409: { description: 'Not resolved' },
  },
});
