/**
 * Each figure of the benchmark as rows: value, floor measured in the same run, goal. The
 * measurements live in their own modules; these functions shape them into rows, and bench/run.ts
 * calls them in order.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { budgets } from '#test/budgets/budgets.ts';
import type { TestStack } from '#test/support/api.ts';
import { committeeMembers } from '#test/support/crowd.ts';
import { type Bundle, bytesByPackage, overFloor } from '#test/support/measure/bundles.ts';
import { type Units, writeUnitsOf } from '#test/support/measure/dynamo-calls.ts';
import type { PageLoad } from '#test/support/measure/pages.ts';
import { type OperationCalls, summarize } from '#test/support/measure/scenario.ts';
import type { BulkImport } from './bulk.ts';
import { apiEvent, type ColdCandidate, coldStart } from './cold-start.ts';
import { handlerEnv } from './handler-env.ts';
import type { RegistrationLoad } from './load.ts';
import type { ReadinessTiming } from './readiness.ts';
import type { RecapTiming } from './recap.ts';
import { median, type Row } from './report.ts';

const KB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const ms = (microseconds: number) => microseconds / 1000;
const thousands = (n: number) => n.toLocaleString('en-US');

/**
 * Packages that make a function more than a DynamoDB function (file parsers, the S3 client, the
 * PDF and spreadsheet writers). The size and cold-start goals hold for the others.
 */
const CARRIED = [
  'read-excel-file',
  'papaparse',
  'write-excel-file',
  'pdfkit',
  'fontkit',
  '@aws-sdk/client-s3',
  '@aws-sdk/s3-presigned-post',
];

/** What a function carries besides DynamoDB, or nothing for a DynamoDB-only one. */
function carried(bundle: Bundle): string[] {
  const packages = new Set(bytesByPackage(bundle).map((entry) => entry.name));
  return CARRIED.filter((name) => packages.has(name));
}

export function bundleRows(floor: Bundle, functions: Bundle[]): Row[] {
  return functions.map((bundle) => {
    const extra = carried(bundle);
    return {
      figure: `bundle ${bundle.name}`,
      value: bundle.bytes,
      floor: floor.bytes,
      unit: 'B',
      goal: extra.length === 0 ? { on: 'ratio', max: 1.15 } : null,
      note: bundle.bytes > floor.bytes * 1.15 ? `over the floor: ${overFloor(bundle, floor)}` : undefined,
    };
  });
}

/** What the cold-start events need: a session with people, a shipment and its receipt code. */
export interface ColdData {
  sessionId: string;
  shipmentId: string;
  code: string;
  /** An invitation's code (a desa of the session). */
  invitationCode: string;
  /** Prepares a pending upload with its file in s3rver; answers the document id. */
  pendingUpload(): Promise<string>;
}

/** The first event each function gets: a typical call of its main route. */
function coldEvents(data: ColdData): Record<string, (index: number) => Promise<ReturnType<typeof apiEvent>>> {
  const session = { sessionId: data.sessionId };
  const csv = 'kode_kecamatan,nama_kecamatan,kode_desa,nama_desa\n16.09.01,Muara Dua,16.09.01.2002,Gedung Lepihan\n';
  const event =
    (...args: Parameters<typeof apiEvent>) =>
    async () =>
      apiEvent(...args);
  return {
    regions: event('GET /regions', { caller: 'organizer' }),
    imports: event('POST /regions/import', { caller: 'admin', body: csv, contentType: 'text/csv' }),
    sessions: event('GET /sessions/{sessionId}', { params: session, caller: 'organizer' }),
    registrations: async (index) =>
      apiEvent('POST /sessions/{sessionId}/registrations', {
        params: session,
        caller: 'organizer',
        body: JSON.stringify(committeeMembers(1, 16_000 + index)[0]),
        contentType: 'application/json',
      }),
    exports: event('GET /sessions/{sessionId}/attendance.xlsx', { params: session, caller: 'organizer' }),
    pdf: event('GET /sessions/{sessionId}/attendance.pdf', { params: session, caller: 'organizer' }),
    logistics: event('GET /shipments/{shipmentId}', { params: { shipmentId: data.shipmentId }, caller: 'organizer' }),
    receipts: event('GET /receipts/{receiptCode}', { params: { receiptCode: data.code } }),
    documents: async () =>
      apiEvent('POST /receipts/{receiptCode}/documents/{documentId}/complete', {
        params: { receiptCode: data.code, documentId: await data.pendingUpload() },
      }),
    waves: event('GET /waves', { caller: 'organizer' }),
    // A desa's invitation as its phone opens it: the lookup, the session, the desa's people.
    invitations: event('GET /invitations/{code}', { params: { code: data.invitationCode } }),
    users: event('GET /users', { caller: 'admin' }),
    audit: event('GET /audit', { caller: 'organizer', query: { trail: 'regions' } }),
    openapi: event('GET /openapi.json'),
    web: event('GET /'),
  };
}

/** What each function's first call does, for the notes. */
const FIRST_CALL: Record<string, string> = {
  floor: 'GetItem of one item',
  regions: 'GET /regions (482 desa)',
  imports: 'POST /regions/import, a CSV of 1 desa',
  sessions: 'GET /sessions/{id}',
  registrations: 'POST a registration',
  exports: 'GET attendance.xlsx of 183 people',
  pdf: 'GET attendance.pdf of 183 people',
  logistics: 'GET /shipments/{id}',
  receipts: 'GET /receipts/{code}',
  documents: 'complete an upload (S3 HeadObject + GetObject range)',
  waves: 'GET /waves',
  invitations: 'GET /invitations/{code} of a desa',
  users: 'GET /users (the local store)',
  audit: 'GET /audit?trail=regions',
  openapi: 'GET /openapi.json',
  web: 'GET / (the app page)',
};

export async function coldStartRows(
  t: TestStack,
  floor: Bundle,
  functions: Bundle[],
  folder: string,
  data: ColdData,
  rounds: number,
): Promise<Row[]> {
  const events = coldEvents(data);
  const candidates: Record<string, ColdCandidate> = Object.fromEntries(
    functions.map((bundle) => {
      const event = events[bundle.name];
      if (!event) throw new Error(`no first event for ${bundle.name}`);
      return [bundle.name, { file: bundle.file ?? '', event }];
    }),
  );
  const floorCandidate: ColdCandidate = { file: floor.file ?? '', event: async () => apiEvent('GET /floor') };
  const results = await coldStart(folder, floorCandidate, candidates, handlerEnv(t.stack, folder), rounds);
  return functions.map((bundle, index): Row => {
    const result = results[bundle.name];
    if (!result) throw new Error(`${bundle.name} was not measured`);
    const { value, floor: base } = result;
    const extra = carried(bundle);
    const split = (sample: typeof value) =>
      `import ${sample.importMs.toFixed(1)} + first call ${sample.callMs.toFixed(1)} ms`;
    return {
      figure: `cold start ${bundle.name}`,
      value: value.importMs + value.callMs,
      floor: base.importMs + base.callMs,
      unit: 'ms',
      goal: extra.length === 0 ? { on: 'ratio', max: 1.15 } : null,
      note:
        `${split(value)} (${FIRST_CALL[bundle.name]}); floor ${split(base)} (${FIRST_CALL.floor})` +
        (extra.length > 0 ? `; carries ${overFloor(bundle, floor, 5)}` : '') +
        (index === 0
          ? `; each: median of ${rounds} fresh Node processes, floor: median of the floor runs paired with them`
          : ''),
    };
  });
}

export function requestRows(calls: OperationCalls): Row[] {
  const all = [calls.registration, calls.checkIn, calls.recap, calls.confirmation];
  const budget = budgets.dynamoRequests;
  const row = (figure: string, list: string[], max: number): Row => ({
    figure,
    value: list.length,
    floor: 1,
    unit: 'req',
    goal: { on: 'value', max },
    note: list.join(' + '),
  });
  return [
    row('DynamoDB requests: registration', calls.registration, budget.registration),
    row('DynamoDB requests: check-in', calls.checkIn, budget.checkIn),
    {
      figure: `Query pages: recap of ${thousands(calls.registrations)}, all checked in`,
      value: calls.recapPages,
      floor: 1,
      unit: 'pages',
      goal: { on: 'value', max: budget.recapQueryPages },
      note: `pages that read the registrations; the whole recap: ${calls.recap.join(' + ')}`,
    },
    row('DynamoDB requests: confirmation', calls.confirmation, budget.confirmation),
    {
      figure: 'Scans in these operations',
      value: all.reduce((sum, list) => sum + summarize(list).scans, 0),
      floor: null,
      unit: '',
      goal: { on: 'value', max: 0 },
    },
  ];
}

const unitsText = (list: Units[]) => {
  const totals = list.map(writeUnitsOf);
  const first = list[0];
  const split = first ? `table ${first.write} + index ${first.indexWrite}` : 'none';
  return `${split}; ${Math.min(...totals)}–${Math.max(...totals)} over ${list.length} registrations`;
};

/** The write units of a registration at 100, 3,000 and 10,000 people, each beside the fair floor's. */
export function writeUnitRows(load: RegistrationLoad, at3000: Units): Row[] {
  const { floor, at100, at10k } = load.results;
  const most = (list: Units[]) => Math.max(...list.map(writeUnitsOf));
  const floorUnits = most(floor.units);
  const [v100, v3000, v10k] = [most(at100.units), writeUnitsOf(at3000), most(at10k.units)];
  const goal = { on: 'value', max: 6 } as const;
  const note = (list: Units[], where: string) =>
    `${where}: ${unitsText(list)} (largest shown); floor: ${unitsText(floor.units)}`;
  return [
    {
      figure: 'write units per registration, session of 100',
      value: v100,
      floor: floorUnits,
      unit: 'WCU',
      goal,
      note: note(at100.units, 'the load run at 100 people'),
    },
    {
      figure: 'write units per registration, session of 3,000',
      value: v3000,
      floor: floorUnits,
      unit: 'WCU',
      goal,
      note: note([at3000], 'the 3,001st person, after the bulk import'),
    },
    {
      figure: 'write units per registration, session of 10,000',
      value: v10k,
      floor: floorUnits,
      unit: 'WCU',
      goal,
      note:
        note(at10k.units, `the load run from ${thousands(load.big.grownTo)} to 10,000 people`) +
        '. Index units: the byVillage copy of the audit entry, which DynamoDB bills and dynalite does not report',
    },
    {
      figure: 'write units per registration, 3,000 vs 100',
      value: v3000,
      floor: v100,
      unit: 'WCU',
      goal: { on: 'ratio', max: 1 },
    },
    {
      figure: 'write units per registration, 10,000 vs 100',
      value: v10k,
      floor: v100,
      unit: 'WCU',
      goal: { on: 'ratio', max: 1 },
    },
  ];
}

export function loadRows(load: RegistrationLoad, settings: { connections: number; requests: number; rounds: number }) {
  const { floor, at100, at10k } = load.results;
  const statuses = (result: typeof floor) =>
    Object.entries(result.load.statuses)
      .map(([status, count]) => `${count} × ${status}`)
      .join(', ');
  const calls = [...load.calls].map(([action, list]) => `${action} ${median(list).toFixed(1)} ms`).join(', ');
  const described =
    `${settings.connections} connections, ${settings.rounds} rounds of ${settings.requests} requests per target ` +
    `(order rotating), every request a different person; app: ${statuses(at100)}, floor: ${statuses(floor)}`;
  const perSecond = (result: typeof floor) => result.load.sent / result.load.seconds;
  return [
    {
      figure: 'registration p50 under load (session of 100)',
      value: ms(at100.load.p50),
      floor: ms(floor.load.p50),
      unit: 'ms',
      goal: { on: 'ratio', max: 1.5 },
      note:
        `${described}. Floor: a loopback server doing one conditional PutItem of the registration plus its audit write. ` +
        `CPU of the bench process per request: app ${at100.cpuPerRequest.toFixed(1)} ms, floor ${floor.cpuPerRequest.toFixed(1)} ms`,
    },
    {
      figure: 'registration p99 under load (session of 100)',
      value: ms(at100.load.p99),
      floor: ms(floor.load.p99),
      unit: 'ms',
      goal: null,
      note: `median DynamoDB call of the app under this load: ${calls}`,
    },
    {
      figure: 'registration throughput (session of 100)',
      value: perSecond(at100),
      floor: perSecond(floor),
      unit: 'req/s',
      goal: null,
      note: 'a ratio below 1 is slower than the floor',
    },
    {
      figure: 'registration p50, session grown to 10,000 vs 100',
      value: ms(at10k.load.p50),
      floor: ms(at100.load.p50),
      unit: 'ms',
      goal: { on: 'ratio', max: 1.2 },
      note:
        `grown by imports to ${thousands(load.big.grownTo)}, then the load filled it: it holds ` +
        `${thousands(load.big.registered)}; ${statuses(at10k)}; the session of 100 ended at ` +
        `${thousands(100 + at100.load.sent)}; CPU per request: ${at10k.cpuPerRequest.toFixed(1)} ms at 10,000, ` +
        `${at100.cpuPerRequest.toFixed(1)} ms at 100`,
    },
    {
      figure: 'registration p99, session grown to 10,000 vs 100',
      value: ms(at10k.load.p99),
      floor: ms(at100.load.p99),
      unit: 'ms',
      goal: null,
    },
  ] satisfies Row[];
}

export function bulkRows(bulk: BulkImport, size: number): Row[] {
  return [
    {
      figure: `bulk import ${thousands(size)} vs ${thousands(size)} conditional puts`,
      value: bulk.importMs,
      floor: bulk.putsMs,
      unit: 'ms',
      goal: { on: 'ratio', max: 1.3 },
      note: `floor: a conditional PutItem of each registration item, 16 in flight; the import: requests of 250 through the API`,
    },
    {
      figure: `bulk import ${thousands(size)} vs ${thousands(2 * size)} conditional puts`,
      value: bulk.importMs,
      floor: bulk.twicePutsMs,
      unit: 'ms',
      goal: null,
      note: 'each row carries a phone number, so the least safe import writes its phone guard and its record: 2 conditional puts per row',
    },
    {
      figure: 'write units per imported row',
      value: bulk.writeUnitsPerRow,
      floor: 1,
      unit: 'WCU',
      goal: { on: 'value', max: budgets.writeUnits.importPerRow },
      note: 'floor: one conditional put; the import writes the phone guard and the record, plus one counter update and one audit entry per request',
    },
  ];
}

export function recapRows(recaps: RecapTiming[]): Row[] {
  return recaps.flatMap((recap): Row[] => [
    {
      figure: `recap pages, ${thousands(recap.registered)} all checked in`,
      value: recap.pages,
      floor: recap.floorPages,
      unit: 'pages',
      goal: { on: 'ratio', max: 1 },
      note: `read units: app ${recap.readUnits} (with the session and its units), floor ${recap.floorReadUnits}; reply ${KB(recap.bytes)}`,
    },
    {
      figure: `recap time, ${thousands(recap.registered)} all checked in`,
      value: recap.ms,
      floor: recap.floorMs,
      unit: 'ms',
      goal: null,
      note: 'app: GET /attendance through the local gateway; floor: the raw paged Query of the same items',
    },
  ]);
}

/** The pages of the page figure, each with its goals (null where the issue sets none). */
export interface PageFigure {
  name: string;
  load: PageLoad;
  maxBytes: number | null;
  maxMs: number | null;
}

export function pageRows(floor: PageLoad, pages: PageFigure[], runs: number): Row[] {
  const note = (load: PageLoad) =>
    `slow 3G, cold, median of ${runs}; gzip of the bodies sent uncompressed would make it ${KB(load.gzipBytes)}; ` +
    `${load.responses} responses, largest: ` +
    load.parts
      .slice(0, 3)
      .map((part) => `${part.path.replace(/[0-9A-Z]{26}/g, '<id>')} ${KB(part.bytes)}`)
      .join(', ');
  return pages.flatMap(({ name, load, maxBytes, maxMs }): Row[] => [
    {
      figure: `${name} transfer`,
      value: load.bytes,
      floor: floor.bytes,
      unit: 'B',
      goal: maxBytes === null ? null : { on: 'value', max: maxBytes },
      note: note(load),
    },
    {
      figure: `${name} usable`,
      value: load.usableMs,
      floor: floor.usableMs,
      unit: 'ms',
      goal: maxMs === null ? null : { on: 'value', max: maxMs },
    },
  ]);
}

/** A temporary folder for the bundles the cold-start figure imports. */
export function bundleFolder(): string {
  return mkdtempSync(join(tmpdir(), 'siap-bench-'));
}

export function readinessRows(boards: ReadinessTiming[]): Row[] {
  return boards.flatMap((board): Row[] => [
    {
      figure: `readiness board requests, ${thousands(board.villages)} desa`,
      value: board.requests,
      floor: board.floorRequests,
      unit: 'requests',
      goal: { on: 'ratio', max: 1 },
      note: `all Query (${board.pages} pages): wave partition, the wave's sessions, their registrations, regions, catalogue, ledgers, shipments since the first stage; floor: the same Queries raw; reply ${KB(board.bytes)}`,
    },
    {
      figure: `readiness board time, ${thousands(board.villages)} desa`,
      value: board.ms,
      floor: board.floorMs,
      unit: 'ms',
      goal: null,
      note: 'app: GET /waves/{id}/readiness through the local gateway (read, judged, rendered); floor: the raw paged Queries',
    },
  ]);
}
