/**
 * What the regions domain stores: the regency's kecamatan and desa, keyed by their Kemendagri
 * codes. The API's shapes are these same records (see contract.ts).
 */
import * as z from 'zod/mini';
import { count, KecamatanCode, text, VillageCode } from '#shared/kernel/schemas.ts';

export const KecamatanRecord = z.object({ code: KecamatanCode, name: text(100) });
export type KecamatanRecord = z.infer<typeof KecamatanRecord>;

export const VillageRecord = z.object({
  code: VillageCode,
  name: text(100),
  kecamatanCode: KecamatanCode,
  /** Voters on the final list (DPT); drives ballot allocation. */
  dpt: z.optional(count(100_000)),
  /** Polling stations (TPS) in the desa. */
  tps: z.optional(count(200)),
});
export type VillageRecord = z.infer<typeof VillageRecord>;

/** Every kecamatan and desa of the regency. */
export interface RegionList {
  kecamatan: KecamatanRecord[];
  villages: VillageRecord[];
}
