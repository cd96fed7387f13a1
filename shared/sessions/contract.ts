import * as z from 'zod/mini';
import { contract } from '#shared/kernel/http/contract.ts';
import { count, IsoDate, KecamatanCode, PageQuery, text, Ulid, VillageCode } from '#shared/kernel/schemas.ts';
import { Role, SessionRecord } from './records.ts';
import { roles, roleUnits, unitOf } from './rules/roles.ts';

/**
 * The most people one session can hold when it sets no capacity. Registration costs the same
 * whatever the size, so this is a guard against mistakes (a pasted list twice over), not a limit
 * of the design.
 */
export const MAX_SESSION_CAPACITY = 10_000;

/** The most of one role a unit (or, for agencies, the session) may send. */
export const MAX_PER_ROLE = 500;

/**
 * The roles a session expects. Each role comes from the unit the catalogue gives it (a Pengawas
 * from a desa, a Camat from a kecamatan, an agency from neither), at most once in the list.
 */
export const SessionRoles = z
  .array(
    z.strictObject({
      role: Role,
      unit: z.enum(roleUnits),
      min: count(MAX_PER_ROLE, 0),
      max: count(MAX_PER_ROLE, 1),
    }),
  )
  .check(
    z.minLength(1),
    z.maxLength(roles.length),
    z.superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((entry, index) => {
        if (seen.has(entry.role))
          ctx.addIssue({ code: 'custom', path: [index, 'role'], message: 'field.role.duplicate' });
        seen.add(entry.role);
        const unit = unitOf(entry.role);
        if (entry.unit !== unit)
          ctx.addIssue({ code: 'custom', path: [index, 'unit'], message: `field.role.unit.${unit}` });
        if (entry.min > entry.max)
          ctx.addIssue({ code: 'custom', path: [index, 'min'], message: 'field.role.minAboveMax' });
      });
    }),
  );

export const SessionInput = z.strictObject({
  title: text(150, 3),
  date: IsoDate,
  venue: text(200),
  capacity: z.optional(count(MAX_SESSION_CAPACITY, 1)),
  /** The wave the session serves; without `villageCodes` it then expects the wave's desa. */
  waveId: z.optional(Ulid),
  /** The desa expected to attend; by default the wave's, or every desa of the regency. */
  villageCodes: z.optional(z.array(VillageCode).check(z.minLength(1), z.maxLength(10_000))),
  /** The roles expected; by default a desa's Ketua, Sekretaris and up to 9 Anggota, a kecamatan's Kasi. */
  roles: z.optional(SessionRoles),
});
export type SessionInput = z.infer<typeof SessionInput>;

/** A session in a list: its details, without the desa it expects. */
export const SessionSummary = z.extend(
  z.pick(SessionRecord, { id: true, title: true, date: true, venue: true, createdAt: true }),
  { date: IsoDate, capacity: z.nullable(z.int()), waveId: z.nullable(Ulid) },
);
export type SessionSummary = z.infer<typeof SessionSummary>;

/** One session: its details, the desa and kecamatan it expects, and how many registered. */
export const Session = z.extend(SessionSummary, {
  roles: SessionRoles,
  villageCodes: z.array(VillageCode),
  kecamatanCodes: z.array(KecamatanCode),
  registered: z.int(),
});
export type Session = z.infer<typeof Session>;

export const SessionParams = z.strictObject({ sessionId: Ulid });

/** A change to a session: the details that change, and optionally why. */
export const SessionPatch = z.strictObject({
  title: z.optional(text(150, 3)),
  date: z.optional(IsoDate),
  venue: z.optional(text(200)),
  /** A new capacity, or null for none. */
  capacity: z.optional(z.nullable(count(MAX_SESSION_CAPACITY, 1))),
  /** Another wave, or null for none (the desa it expects stay as they are). */
  waveId: z.optional(z.nullable(Ulid)),
  villageCodes: z.optional(z.array(VillageCode).check(z.minLength(1), z.maxLength(10_000))),
  roles: z.optional(SessionRoles),
  reason: z.optional(text(300, 3)),
});
export type SessionPatch = z.infer<typeof SessionPatch>;

export const updateSession = contract({
  summary: 'Change a session: title, date, venue, capacity, the desa it expects',
  tag: 'Sessions',
  params: SessionParams,
  body: { schema: SessionPatch },
  replies: {
    200: { description: 'The session as it is now', schema: Session },
    409: { description: 'The capacity is below those registered, or a desa left out has registrations' },
  },
});

const Tally = z.object({ registered: z.int(), present: z.int() });

export const Attendance = z.object({
  sessionId: Ulid,
  registered: z.int(),
  present: z.int(),
  /** Every role the session expects. */
  byRole: z.partialRecord(Role, Tally),
  byKecamatan: z.record(KecamatanCode, Tally),
  /**
   * For every expected desa or kecamatan role with a minimum: the desa (or kecamatan) with fewer
   * present than it, in code order. Agency roles have no unit: see `short`.
   */
  missing: z.partialRecord(Role, z.array(z.string())),
  /** For every expected role with a minimum: how many more must be present, over all its units. */
  short: z.partialRecord(Role, z.int()),
  villages: z.object({ expected: z.int(), represented: z.int() }),
  kecamatan: z.object({ expected: z.int(), represented: z.int() }),
});
export type Attendance = z.infer<typeof Attendance>;

export const listSessions = contract({
  summary: 'Sessions, soonest date last',
  tag: 'Sessions',
  query: PageQuery,
  replies: {
    200: {
      description: 'A page of sessions',
      schema: z.object({ items: z.array(SessionSummary), nextCursor: z.nullable(z.string()) }),
    },
  },
});

export const createSession = contract({
  summary: 'Create a sosialisasi session',
  tag: 'Sessions',
  body: { schema: SessionInput },
  replies: { 201: { description: 'The new session', schema: Session } },
});

export const getSession = contract({
  summary: 'One session',
  tag: 'Sessions',
  params: SessionParams,
  replies: { 200: { description: 'The session', schema: Session } },
});

export const getAttendance = contract({
  summary: 'Live recap: registered and present per role and kecamatan, and who is still missing',
  tag: 'Attendance',
  params: SessionParams,
  replies: { 200: { description: 'The recap', schema: Attendance } },
});

const ExportQuery = z.strictObject({ lang: z.optional(z.enum(['id', 'en'])) });

export const exportAttendanceCsv = contract({
  summary: 'Attendance list as CSV (UTF-8, one row per registration)',
  tag: 'Attendance',
  params: SessionParams,
  query: ExportQuery,
  replies: { 200: { description: 'CSV file', contentType: 'text/csv' } },
});

export const exportAttendanceXlsx = contract({
  summary: 'Attendance list as an Excel workbook (list and per-role recap)',
  tag: 'Attendance',
  params: SessionParams,
  query: ExportQuery,
  replies: {
    200: {
      description: 'XLSX file',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    },
  },
});

export const exportAttendancePdf = contract({
  summary: 'Printable daftar hadir: per-role recap on top, then number, name, role, desa, kecamatan, signature',
  tag: 'Attendance',
  params: SessionParams,
  query: ExportQuery,
  replies: { 200: { description: 'PDF file', contentType: 'application/pdf' } },
});
