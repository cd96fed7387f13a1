import * as z from 'zod/mini';
import { contract } from '#shared/kernel/http/contract.ts';
import { KecamatanRecord, VillageRecord } from './records.ts';

/** A kecamatan and a desa, as stored and as the API shows them; as input, nothing else is accepted. */
export const Kecamatan = z.strictObject(KecamatanRecord.shape);
export type Kecamatan = KecamatanRecord;
export const Village = z.strictObject(VillageRecord.shape);
export type Village = VillageRecord;

export const RegionsInput = z.strictObject({
  kecamatan: z.array(Kecamatan).check(z.maxLength(200)),
  villages: z.array(Village).check(z.maxLength(2_000)),
});
export type RegionsInput = z.infer<typeof RegionsInput>;

export const Regions = z.object({
  kecamatan: z.array(Kecamatan),
  villages: z.array(Village),
});
export type Regions = z.infer<typeof Regions>;

const UpsertCounts = z.object({
  total: z.int(),
  created: z.int(),
  updated: z.int(),
  unchanged: z.int(),
});

export const RegionsImported = z.object({ kecamatan: UpsertCounts, villages: UpsertCounts });
export type RegionsImported = z.infer<typeof RegionsImported>;

export const getRegions = contract({
  summary: 'Kecamatan and desa of the regency',
  tag: 'Regions',
  replies: { 200: { description: 'All kecamatan and desa, sorted by code', schema: Regions } },
});

export const putRegions = contract({
  summary: 'Upsert kecamatan and desa (Kemendagri codes); importing the same data twice changes nothing',
  tag: 'Regions',
  body: { schema: RegionsInput, maxBytes: 1024 * 1024 },
  replies: {
    200: { description: 'How many rows were created, updated or already up to date', schema: RegionsImported },
  },
});

export const importRegions = contract({
  summary: 'Upload kecamatan and desa as a CSV or XLSX file',
  tag: 'Regions',
  body: {
    mediaTypes: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    maxBytes: 2 * 1024 * 1024,
    description:
      'One row per desa with columns kode_kecamatan, nama_kecamatan, kode_desa, nama_desa and optionally dpt, tps',
  },
  replies: { 200: { description: 'Counts as for PUT /regions', schema: RegionsImported } },
});

export const getHealth = contract({
  summary: 'Whether the regency answers, down to its data (for the health alarm); public, no data',
  tag: 'Health',
  replies: { 200: { description: 'Up', schema: z.object({ status: z.literal('ok') }) } },
});
