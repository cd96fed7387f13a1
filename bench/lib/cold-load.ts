/**
 * Cold load: a fresh Node process imports a bundled handler; the child times only the import
 * (performance.now() around `await import(file)`). The machine is shared and noisy, so every
 * candidate run is paired with a floor run right before it, and each candidate is compared with
 * the median of its own paired floor runs; rounds rotate the order of candidates.
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

/**
 * Median import time of each candidate and of the floor runs paired with it, over `rounds`
 * rounds (after one discarded warm-up round that fills the file cache).
 */
export async function coldLoad(
  floorFile: string,
  candidates: Record<string, string>,
  env: Record<string, string>,
  rounds: number,
): Promise<Record<string, { value: number; floor: number }>> {
  const names = Object.keys(candidates);
  const samples = new Map(names.map((name) => [name, { value: [] as number[], floor: [] as number[] }]));
  for (let round = -1; round < rounds; round++) {
    const shift = ((round % names.length) + names.length) % names.length;
    for (const name of [...names.slice(shift), ...names.slice(0, shift)]) {
      const floor = await importOnce(floorFile, env);
      const value = await importOnce(candidates[name] ?? '', env);
      if (round < 0) continue;
      samples.get(name)?.floor.push(floor);
      samples.get(name)?.value.push(value);
    }
  }
  return Object.fromEntries(
    names.map((name) => {
      const { value, floor } = samples.get(name) ?? { value: [], floor: [] };
      return [name, { value: median(value), floor: median(floor) }];
    }),
  );
}
