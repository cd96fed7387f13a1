/**
 * Each figure of the benchmark as rows: value, floor measured in the same run, goal. One function
 * per issue figure; bench/run.ts calls them in order and prints the table.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { villages } from '#local/demo/oku-selatan.ts';
import type { TestStack } from '#test/support/api.ts';
import { launchBrowser } from '#test/support/browser.ts';
import { type Bundle, overFloor } from '#test/support/measure/bundles.ts';
import type { CallRecorder } from '#test/support/measure/dynamo-calls.ts';
import { loadPage, type PageLoad, startFloorPage } from '#test/support/measure/pages.ts';
import { countOperations, freshSession, shipmentFor, summarize } from '#test/support/measure/scenario.ts';
import { bulkImport } from './bulk.ts';
import { coldLoad } from './cold-load.ts';
import { handlerEnv } from './handler-env.ts';
import { registrationLoad } from './load.ts';
import { median, type Row } from './report.ts';

const KB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

export function bundleRows(floor: Bundle, functions: Bundle[]): Row[] {
  return functions.map((bundle) => ({
    figure: `bundle ${bundle.name}`,
    value: bundle.bytes,
    floor: floor.bytes,
    unit: 'B',
    goal: { on: 'ratio', max: 1.15 },
    note: bundle.bytes > floor.bytes * 1.15 ? `over the floor: ${overFloor(bundle, floor)}` : undefined,
  }));
}

export async function coldLoadRows(floor: Bundle, functions: Bundle[], webDir: string, rounds: number) {
  const candidates = Object.fromEntries(functions.map((bundle) => [bundle.name, bundle.file ?? '']));
  const medians = await coldLoad(floor.file ?? '', candidates, handlerEnv(webDir), rounds);
  return functions.map(
    (bundle, index): Row => ({
      figure: `cold load ${bundle.name}`,
      value: medians[bundle.name]?.value ?? 0,
      floor: medians[bundle.name]?.floor ?? 0,
      unit: 'ms',
      goal: { on: 'ratio', max: 1.15 },
      note:
        index === 0
          ? `each: median of ${rounds} fresh processes; floor: median of the floor runs paired with them`
          : undefined,
    }),
  );
}

export async function requestRows(t: TestStack, recorder: CallRecorder, size: number): Promise<Row[]> {
  const calls = await countOperations(t.organizer, t.anonymous, recorder, size);
  const all = [calls.registration, calls.checkIn, calls.recap, calls.confirmation];
  const row = (figure: string, list: string[], max: number): Row => ({
    figure,
    value: list.length,
    floor: 1,
    unit: 'req',
    goal: { on: 'value', max },
    note: list.join(' + '),
  });
  return [
    row('DynamoDB requests: registration', calls.registration, 2),
    row('DynamoDB requests: check-in', calls.checkIn, 3),
    {
      figure: `Query pages: recap of ${calls.registrations}`,
      value: summarize(calls.recap).queries,
      floor: 1,
      unit: 'pages',
      goal: { on: 'value', max: 2 },
      note: calls.recap.join(' + '),
    },
    row('DynamoDB requests: confirmation', calls.confirmation, 5),
    {
      figure: 'Scans in these operations',
      value: all.reduce((sum, list) => sum + summarize(list).scans, 0),
      floor: null,
      unit: '',
      goal: { on: 'value', max: 0 },
    },
  ];
}

export async function bulkRows(t: TestStack, size: number): Promise<Row[]> {
  const { importMs, rawMs, sessionBytes } = await bulkImport(t, size);
  return [
    {
      figure: `bulk import ${size}`,
      value: importMs,
      floor: rawMs,
      unit: 'ms',
      goal: { on: 'ratio', max: 1.5 },
      note:
        'floor: raw BatchWriteItem of the same items, 25 per request, 16 in flight; ' +
        `the session item (ledger) is then ~${KB(sessionBytes)} (JSON), and DynamoDB bills every claim by the whole item`,
    },
  ];
}

export async function loadRows(
  t: TestStack,
  recorder: CallRecorder,
  settings: { connections: number; seconds: number; perSession: number; label: string },
): Promise<Row[]> {
  const { connections, seconds, perSession, label } = settings;
  const { app, floor } = await registrationLoad(t, { connections, seconds, perSession }, () =>
    recorder.takeDurations(),
  );
  const calls = [...recorder.takeDurations()]
    .filter(([, list]) => list.length > 100)
    .map(([action, list]) => `${action} median ${median(list).toFixed(1)} ms`)
    .join(', ');
  const note = (result: typeof app) =>
    `${result.requests.total} requests, ${result['2xx']} 2xx, ${result.non2xx} non-2xx, ${result.errors} errors`;
  const described = `${connections} connections, ${seconds} s, ${perSession} people per session`;
  return [
    {
      figure: `registration p50 (${label})`,
      value: app.latency.p50,
      floor: floor.latency.p50,
      unit: 'ms',
      goal: { on: 'ratio', max: 1.3 },
      note: `${described}; app: ${note(app)}; floor: ${note(floor)}`,
    },
    {
      figure: `registration p99 (${label})`,
      value: app.latency.p99,
      floor: floor.latency.p99,
      unit: 'ms',
      goal: null,
      note: `DynamoDB calls of the app under this load: ${calls}`,
    },
    {
      figure: `registration throughput (${label})`,
      value: app.requests.average,
      floor: floor.requests.average,
      unit: 'req/s',
      goal: null,
      note: 'a ratio below 1 is slower than the floor',
    },
  ];
}

function medianLoad(loads: PageLoad[]): PageLoad {
  return {
    bytes: median(loads.map((load) => load.bytes)),
    responses: median(loads.map((load) => load.responses)),
    usableMs: median(loads.map((load) => load.usableMs)),
    parts: loads[0]?.parts ?? [],
  };
}

export async function pageRows(t: TestStack, runs: number): Promise<Row[]> {
  const { code } = await shipmentFor(t.organizer, villages.length - 1);
  const sessionId = await freshSession(t.organizer, 'Meja pendaftaran');
  const browser = await launchBrowser();
  const floorPage = await startFloorPage();
  const samples: Record<'floor' | 'receipt' | 'form', PageLoad[]> = { floor: [], receipt: [], form: [] };
  try {
    for (let run = 0; run < runs; run++) {
      samples.floor.push(await loadPage(browser, floorPage.url, { throttle: true }));
      samples.receipt.push(await loadPage(browser, `${t.stack.url}/terima/${code}`, { throttle: true }));
      samples.form.push(
        await loadPage(browser, `${t.stack.url}/#/sesi/${sessionId}/daftar`, {
          throttle: true,
          token: t.tokens.organizer,
        }),
      );
    }
  } finally {
    await floorPage.close();
    await browser.close();
  }
  const [floor, receipt, form] = [medianLoad(samples.floor), medianLoad(samples.receipt), medianLoad(samples.form)];
  const note = (load: PageLoad) =>
    `slow 3G, cold, median of ${runs}; ${load.responses} responses, largest: ` +
    load.parts
      .slice(0, 3)
      .map((part) => `${part.path.replace(/[0-9A-Z]{26}/g, '<id>')} ${KB(part.bytes)}`)
      .join(', ');
  return [
    {
      figure: 'receipt page transfer',
      value: receipt.bytes,
      floor: floor.bytes,
      unit: 'B',
      goal: { on: 'value', max: 60_000 },
      note: note(receipt),
    },
    {
      figure: 'receipt page usable',
      value: receipt.usableMs,
      floor: floor.usableMs,
      unit: 'ms',
      goal: { on: 'value', max: 3_000 },
    },
    {
      figure: 'registration form transfer',
      value: form.bytes,
      floor: floor.bytes,
      unit: 'B',
      goal: null,
      note: note(form),
    },
    { figure: 'registration form usable', value: form.usableMs, floor: floor.usableMs, unit: 'ms', goal: null },
  ];
}

/** A temporary folder for the bundles the cold-load figure imports. */
export function bundleFolder(): string {
  return mkdtempSync(join(tmpdir(), 'siap-bench-'));
}
