/** The region list's rules: unique codes, desa inside known kecamatan, and what an upsert changes. Pure. */
import { type FieldIssue, ValidationFailed } from '#shared/kernel/errors.ts';
import type { RegionsInput } from './contract.ts';
import { villageKecamatanMismatch } from './messages.ts';

/** What an upsert would change: the rows to write, and how many were new, changed or the same. */
export interface Diff<T> {
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

/** The rows of `incoming` that differ from what is stored. */
export function diffRows<T extends { code: string }>(incoming: T[], stored: Map<string, T>): Diff<T> {
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
