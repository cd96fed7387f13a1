/**
 * What can be done with the region list, and the lookups other domains use (they never read the
 * regions repository themselves).
 */
import { type Actor, inScope, regencyScope, type Scope } from '#shared/kernel/caller.ts';
import { bounded } from '#shared/kernel/table/audit.ts';
import { scopes } from '#shared/kernel/table/keys.ts';
import type { RegionsImported, RegionsInput } from './contract.ts';
import type { KecamatanRecord, RegionList, VillageRecord } from './records.ts';
import * as repository from './repository.ts';
import { checkRegions, diffRows } from './rules.ts';

/**
 * Upserts kecamatan and desa. Only rows that differ from what is stored are written, so importing
 * the same data twice changes nothing (and writes nothing the second time). DPT and TPS left out
 * of a row keep their stored values.
 */
export async function upsertRegions(input: RegionsInput, actor: Actor): Promise<RegionsImported> {
  const current = await repository.loadRegions();
  checkRegions(
    input,
    current.kecamatan.map((row) => row.code),
  );
  const storedKecamatan = new Map(current.kecamatan.map((row) => [row.code, row]));
  const storedVillages = new Map(current.villages.map((row) => [row.code, row]));
  const kecamatan = diffRows<KecamatanRecord>(input.kecamatan, storedKecamatan);
  // A list without DPT/TPS (names only) keeps the figures already stored.
  const merged = input.villages.map((row) => {
    const stored = storedVillages.get(row.code);
    return { ...row, dpt: row.dpt ?? stored?.dpt, tps: row.tps ?? stored?.tps };
  });
  const villages = diffRows<VillageRecord>(merged, storedVillages);
  const changedCount = kecamatan.changed.length + villages.changed.length;
  await repository.saveRegions(
    kecamatan.changed,
    villages.changed,
    changedCount === 0
      ? undefined
      : {
          scope: scopes.regions,
          at: new Date().toISOString(),
          action: 'regions.imported',
          actor,
          entityId: 'regions',
          before: bounded({
            kecamatan: kecamatan.changed.flatMap((row) => storedKecamatan.get(row.code) ?? []),
            villages: villages.changed.flatMap((row) => storedVillages.get(row.code) ?? []),
          }),
          after: bounded({ kecamatan: kecamatan.changed, villages: villages.changed }),
        },
  );
  return { kecamatan: kecamatan.counts, villages: villages.counts };
}

/** Every kecamatan and desa, sorted by code; a kecamatan account's scope sees its own only. */
export async function getRegions(scope: Scope = regencyScope): Promise<RegionList> {
  const regions = await repository.loadRegions();
  if (scope.kind === 'regency') return regions;
  return {
    kecamatan: regions.kecamatan.filter((row) => inScope(scope, row.code)),
    villages: regions.villages.filter((row) => inScope(scope, row.code)),
  };
}

/** One desa, or undefined. */
export function findVillage(code: string): Promise<VillageRecord | undefined> {
  return repository.getVillage(code);
}

/** One kecamatan, or undefined. */
export function findKecamatan(code: string): Promise<KecamatanRecord | undefined> {
  return repository.getKecamatan(code);
}

/**
 * Whether the regency answers, down to its data: the health check behind the alarm reads one
 * item; a table that does not answer fails the request (a 503).
 */
export async function checkHealth(): Promise<{ status: 'ok' }> {
  await repository.probeTable();
  return { status: 'ok' };
}
