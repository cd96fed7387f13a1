/**
 * `npm run bench`: every figure of issue 5 measured beside its floor in the same run (these
 * machines are noisy, so only ratios within one run mean anything). Prints one table, writes
 * bench/results/latest.json, and exits 0 even when a goal is missed: the bench reports, the
 * budget tests in `npm test` judge.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestStack, type TestStack } from '#test/support/api.ts';
import { buildBundles } from '#test/support/measure/bundles.ts';
import { createCallRecorder } from '#test/support/measure/dynamo-calls.ts';
import { bulkRows, bundleFolder, bundleRows, coldLoadRows, loadRows, pageRows, requestRows } from './lib/figures.ts';
import { judge, markdownTable, type Result, type Row, textTable } from './lib/report.ts';

const started = performance.now();
const out = join(dirname(fileURLToPath(import.meta.url)), 'results', 'latest.json');
const rows: Row[] = [];
const failures: string[] = [];

function progress(text: string) {
  process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${text}\n`);
}

/** Runs one figure; a figure that cannot be measured is reported, and the others still run. */
async function figure(name: string, measure: () => Promise<Row[]>) {
  progress(name);
  try {
    rows.push(...(await measure()));
  } catch (error) {
    failures.push(`${name}: ${(error as Error).message}`);
  }
}

const folder = bundleFolder();
const { floor, functions } = await buildBundles(folder);
await figure('bundle size', async () => bundleRows(floor, functions));
await figure('cold load', () => coldLoadRows(floor, functions, folder, 11));

const recorder = createCallRecorder();
let t: TestStack | undefined;
try {
  t = await startTestStack({ wrapHandler: recorder.wrapHandler });
  await recorder.install();
  const stack = t;
  await figure('page weight and time to usable (slow 3G)', () => pageRows(stack, 3));
  await figure('DynamoDB requests per operation', () => requestRows(stack, recorder, 2_000));
  await figure('bulk import', () => bulkRows(stack, 3_000));
  // Sessions the size of OKU Selatan's (183 people), then one session that grows toward 2,500:
  // every registration claims its place in its session's item, which grows with the session.
  await figure('registration under load, sessions of 183', () =>
    loadRows(stack, recorder, { connections: 10, seconds: 8, perSession: 183, label: 'sessions of 183' }),
  );
  await figure('registration under load, one big session', () =>
    loadRows(stack, recorder, { connections: 10, seconds: 8, perSession: 2_500, label: 'one session to 2,500' }),
  );
} catch (error) {
  failures.push(`local stack: ${(error as Error).message}`);
} finally {
  await t?.stack.stop();
  rmSync(folder, { recursive: true, force: true });
}

const results: Result[] = rows.map(judge);
const seconds = (performance.now() - started) / 1000;
console.log(textTable(results));
console.log('\nNotes');
for (const result of results) if (result.note) console.log(`- ${result.figure}: ${result.note}`);
for (const failure of failures) console.log(`- NOT MEASURED ${failure}`);
const missed = results.filter((result) => result.met === false).map((result) => result.figure);
console.log(`\n${missed.length === 0 ? 'All goals met.' : `MISSED ${missed.length}: ${missed.join('; ')}`}`);
console.log(`Bench took ${seconds.toFixed(0)} s on ${cpus().length} cores, Node ${process.version}.`);
if (process.argv.includes('--markdown')) console.log(`\n${markdownTable(results)}`);

mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify({ at: new Date().toISOString(), seconds, node: process.version, cores: cpus().length, results, failures }, null, 2)}\n`,
);
process.exit(0);
