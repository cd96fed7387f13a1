import { type FieldIssue, ValidationFailed } from '#shared/kernel/http/errors.ts';
import { type Actor, bounded } from '#shared/kernel/table/audit.ts';
import type { Kecamatan, RegionsImported, RegionsInput, Village } from './contract.ts';
import { villageKecamatanMismatch } from './messages.ts';
import { loadRegions, saveRegions } from './repository.ts';

interface Diff<T> {
  changed: T[];
  counts: { total: number; created: number; updated: number; unchanged: number };
}

function sameRow(a: object, b: object): boolean {
  const keysA = Object.keys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined);
  const keysB = Object.keys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined);
  return (
    keysA.length === keysB.length &&
    keysA.every((key) => (a as Record<string, unknown>)[key] === (b as Record<string, unknown>)[key])
  );
}

function diff<T extends { code: string }>(incoming: T[], stored: Map<string, T>): Diff<T> {
  const changed: T[] = [];
  let created = 0;
  let updated = 0;
  for (const row of incoming) {
    const before = stored.get(row.code);
    if (!before) created++;
    else if (!sameRow(before, row)) updated++;
    else continue;
    changed.push(row);
  }
  return {
    changed,
    counts: { total: incoming.length, created, updated, unchanged: incoming.length - created - updated },
  };
}

/** Checks codes are unique and every desa sits in a known kecamatan whose code it extends. */
export function checkRegions(input: RegionsInput, storedKecamatan: Iterable<string>): void {
  const issues: FieldIssue[] = [];
  const known = new Set(storedKecamatan);
  const seen = new Set<string>();
  input.kecamatan.forEach((row, index) => {
    if (seen.has(row.code)) issues.push({ field: `kecamatan.${index}.code`, key: 'field.duplicate' });
    seen.add(row.code);
    known.add(row.code);
  });
  const seenVillages = new Set<string>();
  input.villages.forEach((row, index) => {
    if (seenVillages.has(row.code)) issues.push({ field: `villages.${index}.code`, key: 'field.duplicate' });
    seenVillages.add(row.code);
    if (!known.has(row.kecamatanCode)) {
      issues.push({
        field: `villages.${index}.kecamatanCode`,
        key: villageKecamatanMismatch,
        params: { kecamatanCode: row.kecamatanCode },
      });
    } else if (!row.code.startsWith(`${row.kecamatanCode}.`)) {
      issues.push({ field: `villages.${index}.code`, key: 'field.villageCode' });
    }
  });
  if (issues.length > 0) throw new ValidationFailed(issues);
}

/**
 * Upserts kecamatan and desa. Only rows that differ from what is stored are written, so importing
 * the same data twice changes nothing (and writes nothing the second time). DPT and TPS left out
 * of a row keep their stored values.
 */
export async function upsertRegions(input: RegionsInput, actor: Actor): Promise<RegionsImported> {
  const current = await loadRegions();
  checkRegions(
    input,
    current.kecamatan.map((row) => row.code),
  );
  const storedKecamatan = new Map(current.kecamatan.map((row) => [row.code, row]));
  const storedVillages = new Map(current.villages.map((row) => [row.code, row]));
  const kecamatan = diff<Kecamatan>(input.kecamatan, storedKecamatan);
  // A list without DPT/TPS (names only) keeps the figures already stored.
  const merged = input.villages.map((row) => {
    const stored = storedVillages.get(row.code);
    return { ...row, dpt: row.dpt ?? stored?.dpt, tps: row.tps ?? stored?.tps };
  });
  const villages = diff<Village>(merged, storedVillages);
  const changedCount = kecamatan.changed.length + villages.changed.length;
  await saveRegions(
    kecamatan.changed,
    villages.changed,
    changedCount === 0
      ? undefined
      : {
          scope: 'REGION',
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

/** Kecamatan and desa sorted by code, as the API answers them. */
export async function getRegions() {
  const { kecamatan, villages } = await loadRegions();
  return { kecamatan, villages };
}
