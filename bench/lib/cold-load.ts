/**
 * Cold load: a fresh Node process imports a bundled handler; the child times only the import
 * (performance.now() around `await import(file)`). Rounds visit every bundle in turn, the floor
 * included, so a noisy moment costs the floor as much as the candidates; the median is reported.
 */
import { execFile } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { median } from './report.ts';

const run = promisify(execFile);

const PROBE =
  'const url = process.argv[1]; const t0 = performance.now(); await import(url); ' +
  'process.stdout.write(String(performance.now() - t0)); process.exit(0);';

async function importOnce(file: string, env: Record<string, string>): Promise<number> {
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', PROBE, pathToFileURL(file).href], {
    env,
  });
  const ms = Number(stdout);
  if (!Number.isFinite(ms)) throw new Error(`cold load of ${file} printed ${stdout}`);
  return ms;
}

/** Median import time per bundle over `rounds` interleaved rounds (after one discarded warm-up round). */
export async function coldLoad(
  files: Record<string, string>,
  env: Record<string, string>,
  rounds: number,
): Promise<Record<string, number>> {
  const names = Object.keys(files);
  const samples = new Map<string, number[]>(names.map((name) => [name, []]));
  for (let round = -1; round < rounds; round++) {
    // Rotate the order each round so no bundle always runs right after the same neighbour.
    const shift = ((round % names.length) + names.length) % names.length;
    for (const name of [...names.slice(shift), ...names.slice(0, shift)]) {
      const ms = await importOnce(files[name] ?? '', env);
      if (round >= 0) samples.get(name)?.push(ms);
    }
  }
  return Object.fromEntries(names.map((name) => [name, median(samples.get(name) ?? [])]));
}
