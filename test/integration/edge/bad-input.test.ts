/**
 * Generated bad input across every route (fast-check): malformed JSON, wrong content types, wrong
 * top-level types, missing and extra fields, wrong field types, huge strings and arrays, bad dates,
 * unknown codes, oversized bodies, bad path and query values. Every answer must be a 4xx
 * problem+json that leaks nothing, and the table must hold exactly what it held before.
 * The same generators then prove that valid but unusual input is accepted.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { demoRules } from '#local/demo/catalogue.ts';
import { villages } from '#local/demo/oku-selatan.ts';
import { contracts } from '#shared/contracts.ts';
import { type Contract, DEFAULT_MAX_BODY_BYTES } from '#shared/kernel/http/contract.ts';
import { type OperationId, type Route, routeKey, routes } from '#shared/routes.ts';
import { type ApiReply, startTestStack, type TestStack } from '#test/support/api.ts';
import { readWholeTable } from '#test/support/table.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Template {
  params?: Record<string, string>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: Json;
  raw?: { contentType: string; text: string };
}
interface BadRequest {
  kind: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

let t: TestStack;
let templates: Record<OperationId, Template>;
const seen = { requests: 0, serverErrors: 0, byKind: new Map<string, number>() };
const RUNS_PER_ROUTE = 20;

beforeAll(async () => {
  t = await startTestStack();
  const village = villages[0]?.code ?? '';
  const session = await t.organizer.post<{ id: string }>('/sessions', {
    title: 'Fuzz',
    date: '2024-02-02',
    venue: 'Aula',
  });
  const reg = await t.organizer.post<{ id: string; pass: { token: string } }>(
    `/sessions/${session.body.id}/registrations`,
    { fullName: 'Juproni', role: 'KETUA_PANITIA', villageCode: village },
  );
  const invitations = await t.organizer.post<{ items: Array<{ id: string; code: string }> }>(
    `/sessions/${session.body.id}/invitations`,
  );
  const invitation = invitations.body.items[0] ?? { id: '', code: '' };
  await t.organizer.post('/allocations/apply', { rules: demoRules });
  const shipment = await t.organizer.post<{
    id: string;
    receiptCode: string;
    lines: Array<{ itemCode: string; quantity: number }>;
  }>('/shipments', { villageCode: village, lines: [{ itemCode: 'KOTAK_SUARA', quantity: 1 }] });
  const document = await t.anonymous.post<{ documentId: string }>(`/receipts/${shipment.body.receiptCode}/documents`, {
    fileName: 'bast.jpg',
    contentType: 'image/jpeg',
    size: 100,
  });
  const sk = await t.anonymous.post<{ documentId: string }>(`/invitations/${invitation.code}/documents`, {
    fileName: 'sk.jpg',
    contentType: 'image/jpeg',
    size: 100,
  });
  const waves = await t.organizer.get<{ items: Array<{ id: string }> }>('/waves');
  const wid = waves.body.items[0]?.id ?? '';
  const problem = await t.organizer.post<{ id: string }>(`/waves/${wid}/problems`, {
    villageCode: village,
    category: 'lainnya',
    description: 'Uji masukan',
    severity: 'LOW',
  });
  const pid = problem.body.id;
  const users = await t.admin.get<{ items: Array<{ id: string; group: string }> }>('/users');
  const uid = users.body.items.find((user) => user.group === 'organizer')?.id ?? '';
  const sid = session.body.id;
  const shid = shipment.body.id;
  const code = shipment.body.receiptCode;
  const registration = { fullName: 'Juproni', role: 'SEKRETARIS_PANITIA', villageCode: village, phone: '081234567890' };
  const receipt = {
    receivedBy: { name: 'Siti' },
    lines: [{ itemCode: 'KOTAK_SUARA', good: 1, minorDamage: 0, majorDamage: 0 }],
  };
  templates = {
    getHealth: {},
    getRegions: {},
    putRegions: { body: { kecamatan: [{ code: '16.09.01', name: 'Muara Dua' }], villages: [] } },
    importRegions: { raw: { contentType: 'text/csv', text: 'kode_kecamatan,nama_kecamatan,kode_desa,nama_desa\n' } },
    listSessions: { query: { limit: '10' } },
    createSession: {
      body: { title: 'Sosialisasi', date: '2024-05-01', venue: 'Aula', capacity: 10, villageCodes: [village] },
    },
    getSession: { params: { sessionId: sid } },
    updateSession: { params: { sessionId: sid }, body: { venue: 'Aula Kantor Camat', reason: 'pindah tempat' } },
    getAttendance: { params: { sessionId: sid } },
    register: { params: { sessionId: sid }, body: registration },
    listRegistrations: { params: { sessionId: sid }, query: { limit: '5' } },
    checkIn: { params: { sessionId: sid, registrationId: reg.body.id } },
    updateRegistration: {
      params: { sessionId: sid, registrationId: reg.body.id },
      body: { fullName: 'Juproni Saputra', reason: 'salah ketik' },
    },
    undoCheckIn: { params: { sessionId: sid, registrationId: reg.body.id }, body: { reason: 'salah tekan' } },
    cancelRegistration: { params: { sessionId: sid, registrationId: reg.body.id }, body: { reason: 'batal hadir' } },
    importRegistrations: { params: { sessionId: sid }, body: { registrations: [registration] } },
    checkInMany: {
      params: { sessionId: sid },
      body: { items: [{ token: reg.body.pass.token, at: '2024-02-02T01:00:00.000Z', deviceId: 'pintu-1' }] },
    },
    createInvitations: { params: { sessionId: sid } },
    listInvitations: { params: { sessionId: sid } },
    replaceInvitationCode: {
      params: { sessionId: sid, invitationId: invitation.id },
      body: { reason: 'tautan bocor' },
    },
    getInvitation: { params: { code: invitation.code } },
    registerByInvitation: {
      params: { code: invitation.code },
      body: { fullName: 'Siti Aminah', role: 'SEKRETARIS_PANITIA', phone: '081355556666' },
    },
    requestInvitationDocumentUpload: {
      params: { code: invitation.code },
      body: { fileName: 'sk.jpg', contentType: 'image/jpeg', size: 100 },
    },
    completeInvitationDocumentUpload: { params: { code: invitation.code, documentId: sk.body.documentId } },
    attachSkByInvitation: {
      params: { code: invitation.code, registrationId: reg.body.id },
      body: { skDocumentId: sk.body.documentId },
    },
    getRegistrationSkLink: { params: { sessionId: sid, registrationId: reg.body.id } },
    getPass: { params: { token: reg.body.pass.token } },
    getCertificate: { params: { code: invitation.code } },
    exportInvitationLetters: { params: { sessionId: sid } },
    exportBadges: { params: { sessionId: sid } },
    exportCertificates: { params: { sessionId: sid } },
    exportCertificate: { params: { sessionId: sid, registrationId: reg.body.id } },
    exportAttendanceCsv: { params: { sessionId: sid }, query: { lang: 'id' } },
    exportAttendanceXlsx: { params: { sessionId: sid }, query: { lang: 'id' } },
    exportAttendancePdf: { params: { sessionId: sid }, query: { lang: 'id' } },
    listItems: {},
    putItem: { params: { itemCode: 'PAYUNG' }, body: { name: 'Payung', unit: 'buah' } },
    listAllocations: {},
    putAllocation: { params: { villageCode: village }, body: { lines: [{ itemCode: 'LEM', quantity: 1 }] } },
    previewAllocations: { body: { rules: [{ itemCode: 'LEM', basis: 'perTps', quantity: 1, reservePercent: 5 }] } },
    applyAllocations: { body: { rules: [{ itemCode: 'LEM', basis: 'perTps', quantity: 1 }], villageCodes: [village] } },
    createShipment: {
      body: { villageCode: village, lines: [{ itemCode: 'LEM', quantity: 1 }], override: { reason: 'uji coba' } },
    },
    listShipments: { query: { villageCode: village, limit: '5' } },
    getShipment: { params: { shipmentId: shid } },
    getReceiptLink: { params: { shipmentId: shid } },
    rotateReceiptCode: { params: { shipmentId: shid } },
    correctReceipt: { params: { shipmentId: shid }, body: { ...receipt, reason: 'koreksi uji' } as Json },
    getLogisticsSummary: {},
    createReplacement: { params: { shipmentId: shid }, body: { reason: 'ganti yang rusak' } },
    listWaves: {},
    createWave: { body: { name: 'Gelombang Uji', votingDay: '2027-06-01', villageCodes: [village] } },
    getWave: { params: { waveId: wid } },
    updateWave: { params: { waveId: wid }, body: { name: 'Gelombang Uji Ubah', reason: 'nama resmi' } },
    deleteWave: { params: { waveId: wid }, body: { reason: 'dibuat keliru' } },
    putStages: {
      params: { waveId: wid },
      body: {
        stages: [
          { code: 'SOSIALISASI', name: 'Sosialisasi', start: '2027-01-01', end: '2027-01-05' },
          { code: 'DISTRIBUSI_LOGISTIK', name: 'Distribusi logistik', start: '2027-01-10', end: '2027-01-15' },
          { code: 'PEMUNGUTAN_SUARA', name: 'Pemungutan suara', start: '2027-01-16', end: '2027-01-16' },
        ],
      },
    },
    getReadiness: { params: { waveId: wid }, query: { date: '2027-01-02' } },
    getReadinessHistory: { params: { waveId: wid } },
    getFollowUps: { params: { waveId: wid }, query: { date: '2027-01-02' } },
    listProblems: { params: { waveId: wid }, query: { status: 'open', villageCode: village } },
    addProblem: {
      params: { waveId: wid },
      body: { villageCode: village, category: 'logistik', description: 'Kotak suara basah', severity: 'MEDIUM' },
    },
    updateProblem: { params: { waveId: wid, problemId: pid }, body: { severity: 'HIGH', reason: 'makin parah' } },
    resolveProblem: { params: { waveId: wid, problemId: pid }, body: { resolution: 'Sudah diganti' } },
    reopenProblem: { params: { waveId: wid, problemId: pid }, body: { reason: 'muncul lagi' } },
    exportReadinessCsv: { params: { waveId: wid }, query: { date: '2027-01-02', lang: 'id' } },
    exportReadinessXlsx: { params: { waveId: wid }, query: { date: '2027-01-02', lang: 'id' } },
    exportReadinessPdf: { params: { waveId: wid }, query: { date: '2027-01-02', lang: 'id' } },
    exportScheduleXlsx: { params: { waveId: wid }, query: { lang: 'id' } },
    exportSchedulePdf: { params: { waveId: wid }, query: { lang: 'id' } },
    getBast: { params: { shipmentId: shid }, headers: { 'x-receipt-code': code } },
    exportLogisticsCsv: { query: { lang: 'id' } },
    exportLogisticsXlsx: { query: { lang: 'id' } },
    getDocumentLink: { params: { shipmentId: shid, documentId: document.body.documentId } },
    listAudit: { query: { sessionId: sid } },
    listUsers: {},
    inviteUser: { body: { name: 'Siti Aminah', email: 'siti.aminah@dpmd.go.id', group: 'organizer' } },
    updateUser: { params: { userId: uid }, body: { group: 'organizer', reason: 'uji' } },
    resendInvitation: { params: { userId: uid } },
    resetMfa: { params: { userId: uid }, body: { reason: 'Ponsel hilang' } },
    getReceipt: { params: { receiptCode: code } },
    confirmReceipt: { params: { receiptCode: code }, body: receipt as Json },
    requestDocumentUpload: {
      params: { receiptCode: code },
      body: { fileName: 'bast.jpg', contentType: 'image/jpeg', size: 100 },
    },
    completeDocumentUpload: { params: { receiptCode: code, documentId: document.body.documentId } },
    getOpenApi: {},
    getConfig: {},
    getAppPage: {},
    getAsset: { params: { file: 'app.js' } },
    getReceiptPage: { params: { receiptCode: code } },
    getInvitationPage: { params: { code: invitation.code } },
    getPassPage: { params: { token: reg.body.pass.token } },
    getPassWorker: {},
    getCertificatePage: { params: { code: invitation.code } },
  };
});
afterAll(async () => {
  await t.stack.stop();
});

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  maxItems?: number;
  maxLength?: number;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

function schemaOf(route: Route): JsonSchema | undefined {
  const contract: Contract = contracts[route.operationId as OperationId];
  const body = contract.body;
  return body?.schema
    ? (z.toJSONSchema(body.schema as z.ZodMiniType, { io: 'input', unrepresentable: 'any' }) as JsonSchema)
    : undefined;
}

function pathFor(route: Route, params: Record<string, string>, query?: Record<string, string>): string {
  const path = route.path.replace(/\{(\w+)\}/g, (_all, name: string) => encodeURIComponent(params[name] ?? 'x'));
  const search = new URLSearchParams(query).toString();
  return search ? `${path}?${search}` : path;
}

const wrongValue = (type: string | string[] | undefined): fc.Arbitrary<Json> => {
  const types = [type].flat();
  const pool: fc.Arbitrary<Json>[] = [];
  if (!types.includes('string')) pool.push(fc.string({ maxLength: 20 }));
  // Text that is not a number is a wrong type only where neither a number nor text belongs.
  if (!types.includes('number') && !types.includes('integer') && !types.includes('string'))
    pool.push(fc.string({ minLength: 1, maxLength: 5 }).map((s) => `${s}!`));
  if (!types.includes('boolean')) pool.push(fc.boolean());
  if (!types.includes('array')) pool.push(fc.constant([] as Json));
  if (!types.includes('object')) pool.push(fc.constant({ nested: true } as Json));
  pool.push(fc.constant(null));
  return fc.oneof(...pool);
};

/** Every kind of bad request for a route, as a fast-check arbitrary. */
function badRequests(route: Route): fc.Arbitrary<BadRequest> {
  const template = templates[route.operationId as OperationId];
  const contract: Contract = contracts[route.operationId as OperationId];
  const baseHeaders = { ...(template.headers ?? {}) };
  const path = pathFor(route, template.params ?? {}, template.query);
  const json = (kind: string, body: Json): BadRequest => ({
    kind,
    path,
    headers: { ...baseHeaders, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const options: fc.Arbitrary<BadRequest>[] = [];

  // Path parameters that name nothing valid.
  const paramNames = Object.keys(template.params ?? {});
  if (paramNames.length > 0) {
    options.push(
      fc
        .tuple(
          fc.constantFrom(...paramNames),
          fc.constantFrom(' ', 'x'.repeat(300), '%00', '01ARZ3NDEKTSV4RRFFQ69G5FA!', 'null', 'ä', '1 OR 1=1'),
        )
        .filter(([, value]) => value !== '')
        .map(([name, value]) => ({
          kind: 'bad path',
          path: pathFor(route, { ...template.params, [name]: value }, template.query),
          headers: baseHeaders,
          ...(template.body !== undefined
            ? { body: JSON.stringify(template.body), headers: { ...baseHeaders, 'content-type': 'application/json' } }
            : {}),
        })),
    );
  }
  // Query strings: unknown parameters and bad values.
  options.push(
    fc
      .tuple(fc.stringMatching(/^[a-z]{3,10}$/), fc.string({ maxLength: 10 }))
      .filter(
        ([name]) => !['limit', 'cursor', 'lang', 'villageCode', 'sessionId', 'shipmentId', 'trail'].includes(name),
      )
      .map(([name, value]) => ({
        kind: 'unknown query',
        path: pathFor(route, template.params ?? {}, { ...template.query, [name]: value }),
        headers: baseHeaders,
        ...(template.body !== undefined
          ? { body: JSON.stringify(template.body), headers: { ...baseHeaders, 'content-type': 'application/json' } }
          : {}),
        ...(template.raw
          ? { body: template.raw.text, headers: { ...baseHeaders, 'content-type': template.raw.contentType } }
          : {}),
      })),
  );
  if (template.query && 'limit' in template.query) {
    options.push(
      fc.constantFrom('abc', '0', '-1', '100000', '1.5', '').map((limit) => ({
        kind: 'bad limit',
        path: pathFor(route, template.params ?? {}, { ...template.query, limit }),
        headers: baseHeaders,
      })),
      fc.string({ minLength: 1, maxLength: 60 }).map((cursor) => ({
        kind: 'forged cursor',
        path: pathFor(route, template.params ?? {}, { ...template.query, cursor }),
        headers: baseHeaders,
      })),
      // Well-formed cursors in every list's key shapes with an empty sort key: DynamoDB itself
      // would refuse that (a 500 before). Sort keys outside a list's range: the test below.
      fc
        .tuple(
          fc.constantFrom(['PK', 'SK'], ['PK', 'SK', 'kindPK', 'kindSK'], ['PK', 'SK', 'villagePK', 'villageSK']),
          fc.constantFrom(''),
        )
        .map(([names, sortKey]) => {
          const partition = (name: string) =>
            name === 'kindPK' ? 'SESSION' : name === 'villagePK' ? `DESA#${villages[0]?.code}` : 'SESSION#x';
          const key = Object.fromEntries(names.map((name) => [name, name.endsWith('SK') ? sortKey : partition(name)]));
          const cursor = Buffer.from(JSON.stringify(key)).toString('base64url');
          return {
            kind: 'tampered cursor',
            path: pathFor(route, template.params ?? {}, { ...template.query, cursor }),
            headers: baseHeaders,
          };
        }),
    );
  }
  if (template.query && 'date' in template.query) {
    options.push(
      fc.constantFrom('0000-02-29', '1899-12-31', '2101-01-01', '2023-02-30', 'kemarin', '').map((date) => ({
        kind: 'bad date',
        path: pathFor(route, template.params ?? {}, { ...template.query, date }),
        headers: baseHeaders,
      })),
    );
  }
  if (template.headers) {
    options.push(
      // Without the header the BAST prints the shipment's current code; a header sent must be right.
      fc.constantFrom('', 'short', 'A'.repeat(26), '0'.repeat(40)).map((value) => {
        const headers: Record<string, string> = { ...baseHeaders };
        headers['x-receipt-code'] = value;
        return { kind: 'bad header', path, headers };
      }),
    );
  }

  const schema = schemaOf(route);
  if (template.body !== undefined && schema) {
    const body = template.body as Record<string, Json>;
    const properties = schema.properties ?? {};
    const maxBytes = contract.body?.maxBytes ?? DEFAULT_MAX_BODY_BYTES;
    options.push(
      fc
        .string({ maxLength: 40 })
        .filter((text) => {
          try {
            JSON.parse(text);
            return false;
          } catch {
            return true;
          }
        })
        .map((text) => ({
          kind: 'malformed JSON',
          path,
          headers: { ...baseHeaders, 'content-type': 'application/json' },
          body: text,
        })),
      fc
        .constantFrom(
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/xml',
          'multipart/form-data; boundary=x',
        )
        .map((type) => ({
          kind: 'wrong content type',
          path,
          headers: { ...baseHeaders, 'content-type': type },
          body: JSON.stringify(body),
        })),
      fc
        .oneof(fc.constant([] as Json), fc.integer(), fc.string(), fc.constant(null), fc.boolean())
        .map((value) => json('wrong top-level type', value)),
      fc
        .string({ minLength: 1, maxLength: 12 })
        .filter((key) => !(key in properties))
        .map((key) => json('extra field', { ...body, [key]: 'x' })),
      fc.constant(null).map(() => ({
        kind: 'oversized body',
        path,
        headers: { ...baseHeaders, 'content-type': 'application/json' },
        body: JSON.stringify({ ...body, pad: 'x'.repeat(maxBytes) }),
      })),
    );
    // A route whose body is all optional (a DELETE's reason) takes an empty one; others must not.
    if (!contract.body?.optional) {
      options.push(
        fc.constant(null).map(() => ({
          kind: 'empty body',
          path,
          headers: { ...baseHeaders, 'content-type': 'application/json' },
          body: '',
        })),
      );
    }
    const required = (schema.required ?? []).filter((key) => key in body);
    if (required.length > 0) {
      options.push(
        fc.constantFrom(...required).map((key) => {
          const { [key]: _gone, ...rest } = body;
          return json('missing field', rest);
        }),
      );
    }
    const present = Object.keys(body).filter((key) => properties[key]);
    if (present.length > 0) {
      options.push(
        fc
          .constantFrom(...present)
          .chain((key) =>
            wrongValue(properties[key]?.type).map((value) => json('wrong field type', { ...body, [key]: value })),
          ),
      );
      const strings = present.filter(
        (key) => [properties[key]?.type].flat().includes('string') && !properties[key]?.enum,
      );
      if (strings.length > 0) {
        options.push(
          fc
            .tuple(fc.constantFrom(...strings), fc.integer({ min: 2_000, max: 20_000 }))
            .map(([key, length]) => json('huge string', { ...body, [key]: 'Ā'.repeat(length) })),
        );
      }
      const arrays = present.filter((key) => properties[key]?.type === 'array' && properties[key]?.maxItems);
      if (arrays.length > 0) {
        options.push(
          fc.constantFrom(...arrays).map((key) =>
            json('huge array', {
              ...body,
              [key]: Array.from(
                { length: (properties[key]?.maxItems ?? 0) + 1 },
                () => (body[key] as Json[])[0] ?? null,
              ),
            }),
          ),
        );
      }
    }
    // Any date field (a session's date, a wave's voting day), including years a calendar cannot print.
    for (const name of ['date', 'votingDay'].filter((each) => each in body))
      options.push(
        fc
          .constantFrom(
            '2023-02-30',
            '08/02/2023',
            '2023-13-01',
            '',
            'besok',
            '2023-2-8',
            '0000-02-29',
            '0099-12-31',
            '1899-12-31',
            '2101-01-01',
            '9999-12-31',
          )
          .map((date) => json('bad date', { ...body, [name]: date })),
      );
    if ('villageCode' in body)
      options.push(
        fc
          .constantFrom('99.99.99.9999', '16.09.01.9999', '16.09.01', '1609012001')
          .map((villageCode) => json('unknown code', { ...body, villageCode })),
      );
    if ('lines' in body && route.operationId !== 'correctReceipt' && route.operationId !== 'confirmReceipt') {
      options.push(
        fc.constantFrom('TIDAK_ADA', 'kotak_suara', '').map((itemCode) =>
          json('unknown code', {
            ...body,
            lines: [{ ...((body.lines as Json[])[0] as Record<string, Json>), itemCode }],
          }),
        ),
      );
    }
    if ('phone' in body)
      options.push(
        fc
          .constantFrom('12345', '+1 415 555 0100', 'nomor saya', '0812-ABCD')
          .map((phone) => json('bad phone', { ...body, phone })),
      );
    if ('fullName' in body)
      options.push(
        fc
          .constantFrom('', '   ', '12345', '<script>', 'Budi\u0000')
          .map((fullName) => json('bad name', { ...body, fullName })),
      );
  } else if (template.raw) {
    options.push(
      fc.constantFrom('application/json', 'text/plain', 'application/pdf').map((type) => ({
        kind: 'wrong content type',
        path,
        headers: { 'content-type': type },
        body: template.raw?.text,
      })),
      fc.constant(null).map(() => ({
        kind: 'oversized body',
        path,
        headers: { 'content-type': 'text/csv' },
        body: 'x'.repeat((contract.body?.maxBytes ?? 0) + 1),
      })),
      fc.uint8Array({ minLength: 1, maxLength: 200 }).map((bytes) => ({
        kind: 'garbage file',
        path,
        headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
        body: bytes,
      })),
      fc
        .string({ minLength: 1, maxLength: 80 })
        .map((text) => ({ kind: 'garbage file', path, headers: { 'content-type': 'text/csv' }, body: text })),
    );
  } else if (route.method !== 'GET') {
    options.push(
      fc
        .dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ maxLength: 8 }), { minKeys: 1 })
        .map((value) => ({
          kind: 'unexpected body',
          path,
          headers: { ...baseHeaders, 'content-type': 'application/json' },
          body: JSON.stringify(value),
        })),
    );
  }
  return fc.oneof(...options);
}

function apiFor(route: Route) {
  return route.access === 'public' ? t.anonymous : t.admin;
}

function checkProblem(route: Route, request: BadRequest, reply: ApiReply<Record<string, unknown>>) {
  seen.requests++;
  seen.byKind.set(request.kind, (seen.byKind.get(request.kind) ?? 0) + 1);
  if (reply.status >= 500) seen.serverErrors++;
  const context = `${routeKey(route)} [${request.kind}] -> ${reply.status} ${reply.text.slice(0, 200)}`;
  expect({ context, fourHundreds: reply.status >= 400 && reply.status < 500 }).toEqual({ context, fourHundreds: true });
  expect({ context, type: reply.headers.get('content-type') ?? '' }).toEqual({
    context,
    type: expect.stringMatching(/^application\/problem\+json/),
  });
  expect(reply.body.status).toBe(reply.status);
  for (const leak of ['siap-local', 'Exception', ' at ', 'node_modules', 'dynamo', 'TABLE'])
    expect(reply.text).not.toContain(leak);
  // Every sentence is filled in: no "{at}" left for a person to read.
  expect({ context, unfilled: reply.text.match(/\{[a-zA-Z]+\}/g) ?? [] }).toEqual({ context, unfilled: [] });
}

test('every route has a template, so every route is fuzzed', () => {
  expect(Object.keys(templates).sort()).toEqual(routes.map((route) => route.operationId).sort());
});

test(`at least 500 generated bad requests: all 4xx problem+json, no 5xx, nothing written`, async () => {
  const before = await readWholeTable(t.stack);
  for (const route of routes) {
    await fc.assert(
      fc.asyncProperty(badRequests(route), async (request) => {
        const reply = await apiFor(route).request<Record<string, unknown>>(
          route.method,
          request.path,
          request.body,
          request.headers,
        );
        checkProblem(route, request, reply);
      }),
      { numRuns: RUNS_PER_ROUTE, seed: 20_231_208, endOnFailure: true },
    );
  }
  const after = await readWholeTable(t.stack);
  expect(seen.requests).toBeGreaterThanOrEqual(500);
  expect(seen.serverErrors).toBe(0);
  expect(after.length).toBe(before.length);
  expect(JSON.stringify(after)).toBe(JSON.stringify(before));
  mkdirSync('test-artifacts', { recursive: true });
  writeFileSync(
    'test-artifacts/bad-input-figures.json',
    JSON.stringify(
      {
        requests: seen.requests,
        serverErrors: seen.serverErrors,
        itemsWritten: after.length - before.length,
        byKind: Object.fromEntries(seen.byKind),
      },
      null,
      2,
    ),
  );
}, 240_000);

test('a cursor whose sort key lies outside the range its list reads is a 400 at the cursor, never a 500', async () => {
  const b64 = (key: Record<string, string>) => Buffer.from(JSON.stringify(key)).toString('base64url');
  const session = await t.organizer.get<{ items: Array<{ id: string }> }>('/sessions');
  const sid = session.body.items[0]?.id ?? '';
  const village = villages[0]?.code ?? '';
  const outside = [
    `/sessions/${sid}/registrations?cursor=${b64({ PK: `SESSION#${sid}`, SK: 'TEL#+6281234567890' })}`,
    `/shipments?villageCode=${village}&cursor=${b64({
      PK: 'SHIPMENT#01HZZZZZZZZZZZZZZZZZZZZZZZ',
      SK: 'SHIPMENT',
      villagePK: `DESA#${village}`,
      villageSK: 'AUDIT#2024',
    })}`,
    `/sessions?cursor=${b64({ PK: 'SESSION#x', SK: 'SESSION', kindPK: 'SESSION', kindSK: '' })}`,
  ];
  for (const path of outside) {
    const reply = await t.organizer.get<{ errors?: Array<{ field: string }> }>(path);
    expect({ path, status: reply.status, field: reply.body.errors?.[0]?.field }).toEqual({
      path,
      status: 400,
      field: 'query.cursor',
    });
  }
});

describe('valid but unusual input is accepted', () => {
  const given = fc.constantFrom(
    'Juproni',
    'Siti',
    'Ñoman',
    'Đặng',
    "Ma'ruf",
    'Nur’aini',
    'Abdul',
    'Séda',
    'Ayu-Lestari',
  );
  const title = fc.constantFrom('', 'H. ', 'Hj. ', 'Drs. ', 'Dr. ', 'Ir. ');
  const degree = fc.constantFrom('', ', S.STP.', ', S.H., M.H.', ', MM.', ', A.Md.');
  const name = fc
    .tuple(title, fc.array(given, { minLength: 1, maxLength: 3 }), degree)
    .map(([t1, parts, d]) => `${t1}${parts.join(' ')}${d}`);
  const national = fc.stringMatching(/^8[1-9]\d{8,9}$/);
  const spelled = fc
    .tuple(national, fc.constantFrom(0, 1, 2))
    .map(
      ([n, form]) =>
        [
          `0${n}`,
          `+62 ${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`,
          `62 ${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`,
        ][form] ?? `0${n}`,
    );

  test('names with titles, degrees, apostrophes and accents, and phones written three ways, register as one form', async () => {
    const session = await t.organizer.post<{ id: string }>('/sessions', {
      title: 'Nama unik',
      date: '2024-02-03',
      venue: 'Aula',
    });
    let index = 0;
    await fc.assert(
      fc.asyncProperty(name, spelled, async (fullName, phone) => {
        const village = villages[index++ % villages.length]?.code;
        const reply = await t.organizer.post<{ fullName: string; phone: string }>(
          `/sessions/${session.body.id}/registrations`,
          {
            fullName,
            role: 'ANGGOTA_PANITIA',
            villageCode: village,
            phone,
          },
        );
        if (reply.status === 409) return; // the same generated phone or name twice: correctly refused
        expect(reply.status).toBe(201);
        expect(reply.body.fullName).toBe(fullName.normalize('NFC').replace(/\s+/g, ' ').trim());
        expect(reply.body.phone).toMatch(/^\+628\d{8,10}$/);
        expect(reply.body.phone).toBe(`+62${phone.replace(/\D/g, '').replace(/^(62|0)/, '')}`);
      }),
      { numRuns: 60, seed: 7 },
    );
  });
});
