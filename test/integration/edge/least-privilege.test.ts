/**
 * Each function's IAM grants (infra/function-groups.ts, asserted against the template by the CDK
 * tests) must be exactly what its code calls. This tour drives every route through the real
 * handlers and records each AWS call with the function group that made it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  groupSettings,
  type ScheduledFunction,
  scheduledFunctions,
  scheduledSettings,
  signInTriggerSettings,
} from '#infra/function-groups.ts';
import { demoRules } from '#local/demo/catalogue.ts';
import { villages } from '#local/demo/oku-selatan.ts';
import type { Shipment } from '#shared/logistics/contract.ts';
import { allocateAll } from '#shared/logistics/rules/allocation.ts';
import { type FunctionGroup, functionGroups, routes } from '#shared/routes.ts';
import { Api, startTestStack, type TestStack } from '#test/support/api.ts';

type Caller = FunctionGroup | ScheduledFunction | 'signins';
const current = new AsyncLocalStorage<Caller>();
const used = new Map<Caller, Set<string>>(
  [...functionGroups, ...scheduledFunctions, 'signins' as const].map((group) => [group, new Set()]),
);
const called = new Set<string>();
let t: TestStack;
/** Runs once, inside the next import, just before it reserves its seats (to make it lose a race). */
let raceInsideImport: (() => Promise<void>) | undefined;

// The document client's commands and the low-level client's, by the action IAM knows them as.
const ACTIONS: Record<string, string> = {
  GetItemCommand: 'GetItem',
  PutItemCommand: 'PutItem',
  UpdateItemCommand: 'UpdateItem',
  DeleteItemCommand: 'DeleteItem',
  BatchGetItemCommand: 'BatchGetItem',
  BatchWriteItemCommand: 'BatchWriteItem',
  GetCommand: 'GetItem',
  PutCommand: 'PutItem',
  UpdateCommand: 'UpdateItem',
  DeleteCommand: 'DeleteItem',
  QueryCommand: 'Query',
  ScanCommand: 'Scan',
  BatchGetCommand: 'BatchGetItem',
  BatchWriteCommand: 'BatchWriteItem',
};

function record(commandName: string, service: 'dynamodb' | 's3') {
  const group = current.getStore();
  if (!group) return;
  // HeadObject is authorized by s3:GetObject; CopyObject by s3:GetObject on the source and
  // s3:PutObject on the copy.
  const s3Actions =
    commandName === 'HeadObjectCommand'
      ? ['GetObject']
      : commandName === 'CopyObjectCommand'
        ? ['GetObject', 'PutObject']
        : [commandName.replace(/Command$/, '')];
  const actions = service === 'dynamodb' ? [ACTIONS[commandName] ?? commandName] : s3Actions.map((a) => `s3:${a}`);
  for (const action of actions) used.get(group)?.add(action);
}

beforeAll(async () => {
  t = await startTestStack({
    wrapHandler: (group, handler) => (event, context) => {
      called.add(event.routeKey);
      return current.run(group, () => handler(event, context));
    },
  });
  const { db } = await import('#shared/kernel/table/client.ts');
  const { s3 } = await import('#shared/kernel/storage.ts');
  db.middlewareStack.add(
    (next, context) => async (args) => {
      record(String(context.commandName), 'dynamodb');
      const input = args.input as { Key?: { SK?: string } };
      if (raceInsideImport && current.getStore() === 'imports' && input.Key?.SK === 'TOTALS') {
        const run = raceInsideImport;
        raceInsideImport = undefined;
        await run();
      }
      return next(args);
    },
    { step: 'initialize', name: 'leastPrivilegeProbe' },
  );
  s3.middlewareStack.add(
    (next, context) => async (args) => {
      record(String(context.commandName), 's3');
      return next(args);
    },
    { step: 'initialize', name: 'leastPrivilegeProbe' },
  );
});
afterAll(async () => {
  await t.stack.stop();
});

/** Runs one call of the tour and checks it answered as expected, so the tour cannot silently skip work. */
async function step<T>(expected: number, reply: Promise<{ status: number; text: string; body: T }>) {
  const done = await reply;
  if (done.status !== expected) throw new Error(`expected ${expected}, got ${done.status}: ${done.text.slice(0, 300)}`);
  return done;
}

async function tour() {
  const { organizer, admin, anonymous } = t;
  await step(200, anonymous.get('/'));
  await step(200, anonymous.get('/config.json'));
  const page = await step(200, anonymous.get('/'));
  const script = /\/assets\/([\w.-]+\.js)/.exec(page.text)?.[1];
  await step(200, anonymous.get(`/assets/${script}`));
  await step(200, anonymous.get('/openapi.json'));
  const health = await step(200, anonymous.get<{ status: string }>('/health'));
  expect(health.body).toEqual({ status: 'ok' });
  const regions = await step(
    200,
    organizer.get<{ villages: Array<{ code: string; name: string; kecamatanCode: string }> }>('/regions'),
  );
  await step(
    200,
    admin.put('/regions', { kecamatan: [], villages: [{ ...regions.body.villages[0], name: 'Desa Uji Hak Akses' }] }),
  );
  await step(
    200,
    admin.request(
      'POST',
      '/regions/import',
      'kode_kecamatan,nama_kecamatan,kode_desa,nama_desa\n16.09.01,Muara Dua,16.09.01.2002,Gedung Lepihan\n',
      {
        'content-type': 'text/csv',
      },
    ),
  );
  const session = await step(
    201,
    organizer.post<{ id: string }>('/sessions', { title: 'Tur hak akses', date: '2024-05-01', venue: 'Aula' }),
  );
  const sid = session.body.id;
  await step(200, organizer.get('/sessions'));
  await step(200, organizer.get(`/sessions/${sid}`));
  const person = { fullName: 'Juproni', role: 'KETUA_PANITIA', villageCode: villages[0]?.code, phone: '081200001111' };
  const reg = await step(201, organizer.post<{ id: string }>(`/sessions/${sid}/registrations`, person));
  await step(200, organizer.post(`/sessions/${sid}/registrations`, person));
  await step(
    409,
    organizer.post(`/sessions/${sid}/registrations`, { ...person, fullName: 'Orang Lain', phone: undefined }),
  );
  await step(
    200,
    organizer.post(`/sessions/${sid}/registrations/import`, {
      registrations: [{ fullName: 'Yulianti', role: 'SEKRETARIS_PANITIA', villageCode: villages[0]?.code }],
    }),
  );
  // An import that loses a race for a place: the desk registers it between the import's judging
  // and its writes, so the import gives back the phone number and settles the row one by one.
  const raced = {
    fullName: 'Ahmad Fauzi',
    role: 'KETUA_PANITIA',
    villageCode: villages[1]?.code,
    phone: '081200002222',
  };
  raceInsideImport = async () => {
    await step(
      201,
      organizer.post(`/sessions/${sid}/registrations`, { ...raced, fullName: 'Dedi Irawan', phone: '081200003333' }),
    );
  };
  const lost = await step(
    200,
    organizer.post<{ rejected: unknown[] }>(`/sessions/${sid}/registrations/import`, { registrations: [raced] }),
  );
  expect(raceInsideImport).toBeUndefined();
  expect(lost.body.rejected).toHaveLength(1);
  await step(200, organizer.get(`/sessions/${sid}/registrations`));
  await step(200, organizer.post(`/sessions/${sid}/registrations/${reg.body.id}/check-in`));
  await step(
    200,
    organizer.post(`/sessions/${sid}/registrations/${reg.body.id}/check-in/undo`, { reason: 'salah tekan' }),
  );
  await step(200, organizer.post(`/sessions/${sid}/registrations/${reg.body.id}/check-in`));
  // Corrections: a name in place, then a move to another place with the same phone number.
  await step(
    200,
    organizer.request('PATCH', `/sessions/${sid}/registrations/${reg.body.id}`, {
      fullName: 'Juproni Saputra',
      reason: 'nama lengkap',
    }),
  );
  const moved = await step(
    200,
    organizer.request<{ id: string }>('PATCH', `/sessions/${sid}/registrations/${reg.body.id}`, {
      villageCode: villages[2]?.code,
      reason: 'desa yang benar',
    }),
  );
  reg.body.id = moved.body.id;
  await step(200, organizer.request('PATCH', `/sessions/${sid}`, { venue: 'Aula Baru', reason: 'pindah' }));
  await step(
    200,
    organizer.request('PATCH', `/sessions/${sid}`, { villageCodes: villages.slice(0, 5).map((v) => v.code) }),
  );
  await step(200, organizer.get(`/sessions/${sid}/attendance`));
  await step(200, organizer.get(`/audit?sessionId=${sid}`));
  await step(200, organizer.get(`/audit?villageCode=${villages[0]?.code}`));
  for (const format of ['csv', 'xlsx', 'pdf']) await step(200, organizer.get(`/sessions/${sid}/attendance.${format}`));
  // Invitations, passes, batched check-ins, letters, name tags and certificates.
  const invited = await step(
    200,
    organizer.post<{ items: Array<{ id: string; code: string; unit: { code: string } }> }>(
      `/sessions/${sid}/invitations`,
    ),
  );
  await step(200, organizer.get(`/sessions/${sid}/invitations`));
  const desa = invited.body.items.find((each) => each.unit.code === villages[3]?.code) ?? { id: '', code: '' };
  await step(200, anonymous.get(`/invitations/${desa.code}`));
  await step(404, anonymous.get(`/invitations/${'0'.repeat(26)}`));
  const own = await step(
    201,
    anonymous.post<{ id: string; pass: { token: string } }>(`/invitations/${desa.code}/registrations`, {
      fullName: 'Siti Aminah',
      role: 'KETUA_PANITIA',
      phone: '081200004444',
    }),
  );
  await step(200, anonymous.get(`/passes/${own.body.pass.token}`));
  // The SK Panitia: asked for, stored, checked, named on a registration, downloaded by organizers.
  const skJpeg = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');
  const skTicket = await step(
    201,
    anonymous.post<{ documentId: string; url: string; fields: Record<string, string> }>(
      `/invitations/${desa.code}/documents`,
      { fileName: 'sk.jpg', contentType: 'image/jpeg', size: skJpeg.length },
    ),
  );
  const skForm = new FormData();
  for (const [name, value] of Object.entries(skTicket.body.fields)) skForm.append(name, value);
  skForm.append('file', new Blob([skJpeg], { type: 'image/jpeg' }));
  await fetch(skTicket.body.url, { method: 'POST', body: skForm });
  await step(200, anonymous.post(`/invitations/${desa.code}/documents/${skTicket.body.documentId}/complete`));
  const withSk = await step(
    201,
    anonymous.post<{ id: string }>(`/invitations/${desa.code}/registrations`, {
      fullName: 'Rudi Hartono',
      role: 'SEKRETARIS_PANITIA',
      phone: '081200006666',
      skDocumentId: skTicket.body.documentId,
    }),
  );
  await step(200, organizer.get(`/sessions/${sid}/registrations/${withSk.body.id}/sk`));
  // Sent again after registering (here the same verified document, on the Ketua).
  await step(
    200,
    anonymous.put(`/invitations/${desa.code}/registrations/${own.body.id}/sk`, {
      skDocumentId: skTicket.body.documentId,
    }),
  );
  // The public pages: served whatever the code, which the page then asks the API about.
  await step(200, anonymous.get(`/daftar/${desa.code}`));
  await step(200, anonymous.get(`/hadir/${own.body.pass.token}`));
  await step(200, anonymous.get('/hadir/sw.js'));
  await step(200, anonymous.get(`/sertifikat/${'0'.repeat(26)}`));
  await step(
    200,
    organizer.post(`/sessions/${sid}/check-ins`, {
      items: [{ token: own.body.pass.token, at: new Date().toISOString(), deviceId: 'pintu-1' }],
    }),
  );
  const renewed = await step(
    200,
    organizer.post<{ code: string }>(`/sessions/${sid}/invitations/${desa.id}/code`, { reason: 'tautan bocor' }),
  );
  await step(200, organizer.get(`/sessions/${sid}/invitations.pdf`));
  await step(200, organizer.get(`/sessions/${sid}/badges.pdf`));
  await step(200, organizer.get(`/sessions/${sid}/certificates.pdf`));
  await step(200, organizer.get(`/sessions/${sid}/registrations/${own.body.id}/certificate.pdf`));
  await step(404, anonymous.get(`/certificates/${'0'.repeat(26)}`));
  // A full session: the phone claimed for a registration through an invitation is given back.
  const small = await step(
    201,
    organizer.post<{ id: string }>('/sessions', {
      title: 'Tur undangan',
      date: '2024-05-02',
      venue: 'Aula',
      capacity: 1,
      villageCodes: [villages[3]?.code],
    }),
  );
  await step(
    201,
    organizer.post(`/sessions/${small.body.id}/registrations`, { ...person, villageCode: villages[3]?.code }),
  );
  const smallInvites = await step(
    200,
    organizer.post<{ items: Array<{ code: string; unit: { kind: string } }> }>(
      `/sessions/${small.body.id}/invitations`,
    ),
  );
  const smallDesa = smallInvites.body.items.find((each) => each.unit.kind === 'village');
  await step(
    409,
    anonymous.post(`/invitations/${smallDesa?.code}/registrations`, {
      fullName: 'Dewi Lestari',
      role: 'SEKRETARIS_PANITIA',
      phone: '081200005555',
    }),
  );
  expect(renewed.body.code).not.toBe(desa.code);
  await step(204, admin.delete(`/sessions/${sid}/registrations/${reg.body.id}`));

  await step(200, organizer.get('/items'));
  await step(200, organizer.put('/items/PAYUNG', { name: 'Payung TPS', unit: 'buah' }));
  await step(200, organizer.post('/allocations/preview', { rules: demoRules }));
  await step(200, organizer.post('/allocations/apply', { rules: demoRules }));
  await step(200, organizer.put(`/allocations/${villages[0]?.code}`, { lines: [{ itemCode: 'PAYUNG', quantity: 2 }] }));
  await step(200, organizer.get('/allocations'));
  const lines = allocateAll(demoRules, { dpt: villages[1]?.dpt ?? 0, tps: villages[1]?.tps ?? 0 });
  const shipment = await step(
    201,
    organizer.post<Shipment & { receiptCode: string }>('/shipments', {
      villageCode: villages[1]?.code,
      lines,
    }),
  );
  await step(409, organizer.post('/shipments', { villageCode: villages[1]?.code, lines }));
  await step(200, organizer.get('/shipments'));
  await step(200, organizer.get(`/shipments?villageCode=${villages[1]?.code}`));
  await step(200, organizer.get(`/shipments/${shipment.body.id}`));
  await step(
    200,
    organizer.request('GET', `/shipments/${shipment.body.id}/bast.pdf`, undefined, {
      'x-receipt-code': shipment.body.receiptCode,
    }),
  );
  await step(200, organizer.get(`/shipments/${shipment.body.id}/receipt-link`));
  await step(200, organizer.get(`/shipments/${shipment.body.id}/bast.pdf`));
  const rotated = await step(
    200,
    organizer.post<{ receiptCode: string }>(`/shipments/${shipment.body.id}/receipt-code`),
  );
  const code = rotated.body.receiptCode;
  await step(200, anonymous.get(`/receipts/${code}`));
  await step(404, anonymous.get(`/receipts/${'0'.repeat(26)}`));
  await step(200, anonymous.get(`/terima/${code}`));
  const report = lines.map((line) => ({
    itemCode: line.itemCode,
    good: line.quantity,
    minorDamage: 0,
    majorDamage: 0,
  }));
  await step(201, anonymous.post(`/receipts/${code}`, { receivedBy: { name: 'Siti' }, lines: report }));
  await step(200, admin.put(`/shipments/${shipment.body.id}/receipt`, { lines: report, reason: 'Koreksi uji coba' }));
  const jpeg = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');
  const ticket = await step(
    201,
    anonymous.post<{ documentId: string; url: string; fields: Record<string, string> }>(`/receipts/${code}/documents`, {
      fileName: 'bast.jpg',
      contentType: 'image/jpeg',
      size: jpeg.length,
    }),
  );
  const form = new FormData();
  for (const [name, value] of Object.entries(ticket.body.fields)) form.append(name, value);
  form.append('file', new Blob([jpeg], { type: 'image/jpeg' }));
  await fetch(ticket.body.url, { method: 'POST', body: form });
  await step(200, anonymous.post(`/receipts/${code}/documents/${ticket.body.documentId}/complete`));
  await step(200, organizer.get(`/shipments/${shipment.body.id}/documents/${ticket.body.documentId}`));
  const bad = await step(
    201,
    anonymous.post<{ documentId: string; url: string; fields: Record<string, string> }>(`/receipts/${code}/documents`, {
      fileName: 'x.png',
      contentType: 'image/png',
      size: 4,
    }),
  );
  const fake = new FormData();
  for (const [name, value] of Object.entries(bad.body.fields)) fake.append(name, value);
  fake.append('file', new Blob([Buffer.from('abcd')], { type: 'image/png' }));
  await fetch(bad.body.url, { method: 'POST', body: fake });
  await step(400, anonymous.post(`/receipts/${code}/documents/${bad.body.documentId}/complete`));
  await step(200, organizer.get('/logistics/summary'));
  await step(200, organizer.get('/logistics/summary.csv'));
  await step(200, organizer.get('/logistics/summary.xlsx'));

  // A replacement for a box that arrived broken, and a delivery still waiting for its receipt.
  const broken = allocateAll(demoRules, { dpt: villages[4]?.dpt ?? 0, tps: villages[4]?.tps ?? 0 });
  const damaged = await step(
    201,
    organizer.post<{ id: string; receiptCode: string }>('/shipments', {
      villageCode: villages[4]?.code,
      lines: broken,
    }),
  );
  await step(
    201,
    anonymous.post(`/receipts/${damaged.body.receiptCode}`, {
      receivedBy: { name: 'Yulianti' },
      lines: broken.map((line, index) => ({
        itemCode: line.itemCode,
        good: index === 0 ? line.quantity - 1 : line.quantity,
        minorDamage: 0,
        majorDamage: index === 0 ? 1 : 0,
      })),
    }),
  );
  await step(201, organizer.post(`/shipments/${damaged.body.id}/replacement`, { reason: 'kotak pecah' }));
  const waiting = allocateAll(demoRules, { dpt: villages[5]?.dpt ?? 0, tps: villages[5]?.tps ?? 0 });
  await step(201, organizer.post('/shipments', { villageCode: villages[5]?.code, lines: waiting }));

  // A wave: the demo wave's board, chase list (opening the pending receipt's code), problems and
  // exports; a second wave refused for a desa already taken, and a spare one changed and removed.
  const listed = await step(200, organizer.get<{ items: Array<{ id: string }> }>('/waves'));
  const waveId = listed.body.items[0]?.id ?? '';
  await step(200, organizer.get(`/waves/${waveId}`));
  const ofWave = await step(
    201,
    organizer.post<{ id: string }>('/sessions', {
      title: 'Bimtek gelombang',
      date: '2024-05-02',
      venue: 'Aula',
      waveId,
    }),
  );
  await step(200, organizer.request('PATCH', `/sessions/${ofWave.body.id}`, { waveId, reason: 'tetap' }));
  await step(
    409,
    admin.post('/waves', { name: 'Gelombang Dua', votingDay: '2030-01-01', villageCodes: [villages[0]?.code] }),
  );
  await step(
    200,
    admin.put('/regions', {
      kecamatan: [],
      villages: [{ code: '16.09.01.2999', name: 'Desa Uji Gelombang', kecamatanCode: '16.09.01' }],
    }),
  );
  const spare = await step(
    201,
    admin.post<{ id: string; stages: unknown[] }>('/waves', {
      name: 'Gelombang Cadangan',
      votingDay: '2030-01-01',
      villageCodes: ['16.09.01.2999'],
    }),
  );
  await step(200, admin.put(`/waves/${spare.body.id}`, { votingDay: '2030-02-01', reason: 'diundur' }));
  const shifted = await step(200, admin.get<{ stages: unknown[] }>(`/waves/${spare.body.id}`));
  await step(200, admin.put(`/waves/${spare.body.id}/stages`, { stages: shifted.body.stages }));
  await step(200, organizer.get(`/waves/${spare.body.id}/schedule.pdf`));
  await step(200, organizer.get(`/waves/${spare.body.id}/schedule.xlsx`));
  await step(409, admin.request('DELETE', `/waves/${waveId}`, { reason: 'masih ada sesi' }));
  await step(204, admin.request('DELETE', `/waves/${spare.body.id}`, { reason: 'dibuat keliru' }));
  const problem = await step(
    201,
    organizer.post<{ id: string }>(`/waves/${waveId}/problems`, {
      villageCode: villages[0]?.code,
      category: 'panitia',
      description: 'Ketua panitia mengundurkan diri',
      severity: 'HIGH',
    }),
  );
  await step(200, organizer.get(`/waves/${waveId}/problems?status=open`));
  await step(200, organizer.request('PATCH', `/waves/${waveId}/problems/${problem.body.id}`, { severity: 'MEDIUM' }));
  await step(200, organizer.post(`/waves/${waveId}/problems/${problem.body.id}/resolve`, { resolution: 'Ketua baru' }));
  await step(200, organizer.post(`/waves/${waveId}/problems/${problem.body.id}/reopen`, { reason: 'belum dilantik' }));
  await step(200, organizer.get(`/waves/${waveId}/readiness`));
  const chase = await step(
    200,
    organizer.get<{ items: Array<{ contacts: unknown[] }> }>(`/waves/${waveId}/follow-ups?date=2000-01-01`),
  );
  expect(chase.body.items.length).toBeGreaterThan(0);
  await step(200, organizer.get(`/waves/${waveId}/readiness/history`));
  for (const format of ['csv', 'xlsx', 'pdf']) await step(200, organizer.get(`/waves/${waveId}/readiness.${format}`));
  const colleague = await step(
    201,
    admin.post<{ id: string }>('/users', { name: 'Rahmat Hidayat', email: 'rahmat@dpmd.go.id', group: 'organizer' }),
  );
  await step(200, admin.get('/users'));
  await step(
    200,
    admin.request('PATCH', `/users/${colleague.body.id}`, { group: 'kecamatan', kecamatanCode: '16.09.01' }),
  );
  await step(200, admin.request('PATCH', `/users/${colleague.body.id}`, { enabled: false, reason: 'pindah tugas' }));
  await step(409, admin.post(`/users/${colleague.body.id}/invitation`));
  await step(200, admin.request('PATCH', `/users/${colleague.body.id}`, { enabled: true }));
  await step(200, admin.post(`/users/${colleague.body.id}/invitation`));
  // Made an admin and back (taking an admin's access away holds the admins' lease).
  await step(200, admin.request('PATCH', `/users/${colleague.body.id}`, { group: 'admin' }));
  await step(200, admin.request('PATCH', `/users/${colleague.body.id}`, { group: 'organizer' }));
  await step(200, admin.post(`/users/${colleague.body.id}/mfa-reset`, { reason: 'ponsel hilang' }));
  await current.run('snapshots', async () => {
    const { handler } = (await import('#functions/snapshots.ts')) as { handler: () => Promise<unknown> };
    await handler();
  });
  // Cognito's post-authentication trigger, as the local sign-in calls it.
  await current.run('signins', async () => {
    const { handler } = await import('#functions/signins.ts');
    await handler({
      version: '1',
      region: 'local',
      userPoolId: 'local',
      userName: colleague.body.id,
      triggerSource: 'PostAuthentication_Authentication',
      callerContext: { awsSdkVersion: 'local', clientId: 'local' },
      request: { userAttributes: { sub: colleague.body.id }, newDeviceUsed: false },
      response: {},
    });
  });
  return new Api(t.stack.url);
}

test('every function calls exactly the AWS actions it is granted, and never Scan', async () => {
  await tour();
  expect([...called].sort()).toEqual(routes.map((route) => `${route.method} ${route.path}`).sort());
  for (const group of functionGroups) {
    const actions = [...(used.get(group) ?? [])];
    const dynamo = actions.filter((action) => !action.startsWith('s3:')).sort();
    // A presigned POST is signed, not sent: the browser's upload runs under this function's grant.
    const s3 = actions.filter((action) => action.startsWith('s3:'));
    if (group === 'documents') s3.push('s3:PutObject');
    // What only a local stand-in uses (the table's user store for Cognito) is allowed here, never granted in AWS.
    const settings = groupSettings[group];
    expect({ group, dynamo }).toEqual({ group, dynamo: [...settings.table, ...(settings.localTable ?? [])].sort() });
    expect({ group, s3: [...new Set(s3)].sort() }).toEqual({ group, s3: [...groupSettings[group].bucket].sort() });
    expect(dynamo).not.toContain('Scan');
  }
  for (const name of scheduledFunctions) {
    const dynamo = [...(used.get(name) ?? [])].sort();
    expect({ name, dynamo }).toEqual({ name, dynamo: [...scheduledSettings[name].table].sort() });
  }
  expect([...(used.get('signins') ?? [])].sort()).toEqual([...signInTriggerSettings.table].sort());
});
