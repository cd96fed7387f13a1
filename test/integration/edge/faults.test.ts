/**
 * With DynamoDB or S3 throttled, slow or down, a request answers 503 with Retry-After, says
 * nothing about the inside, and leaves no half-written record; the retry then succeeds once.
 */

import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { villages } from '#local/demo/oku-selatan.ts';
import type { AuditEntry } from '#shared/audit/contract.ts';
import { type ApiReply, startTestStack, type TestStack } from '#test/support/api.ts';
import { faultSwitch, faults } from '#test/support/faults.ts';
import { okuSelatanParticipants } from '#test/support/people.ts';
import { readWholeTable } from '#test/support/table.ts';

let t: TestStack;
let dynamo: ReturnType<typeof faultSwitch>;
let storage: ReturnType<typeof faultSwitch>;

beforeAll(async () => {
  t = await startTestStack();
  const { db } = await import('#shared/kernel/table/client.ts');
  const { s3 } = await import('#shared/kernel/storage.ts');
  dynamo = faultSwitch(db, [
    GetCommand,
    PutCommand,
    UpdateCommand,
    DeleteCommand,
    QueryCommand,
    BatchGetCommand,
    BatchWriteCommand,
  ]);
  storage = faultSwitch(s3, [HeadObjectCommand, GetObjectCommand, DeleteObjectCommand, CopyObjectCommand]);
});
afterEach(() => {
  dynamo.heal();
  storage.heal();
});
afterAll(async () => {
  dynamo.restore();
  storage.restore();
  await t.stack.stop();
});

function expectUnavailable(reply: ApiReply) {
  expect(reply.status).toBe(503);
  expect(reply.headers.get('retry-after')).toMatch(/^\d+$/);
  expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  for (const leak of ['siap-local', 'Exception', 'ECONNREFUSED', 'Timeout', 'stack', 'dynamo', 'S3']) {
    expect(reply.text).not.toContain(leak);
  }
}

const countItems = async () =>
  (await readWholeTable(t.stack)).filter((item) => !String(item.PK).startsWith('RATE#')).length;

async function newSession() {
  const reply = await t.organizer.post<{ id: string }>('/sessions', {
    title: 'Uji gangguan',
    date: '2024-03-01',
    venue: 'Aula',
  });
  return reply.body.id;
}

describe.each([
  ['throttled', faults.throttled],
  ['timing out', faults.timeout],
  ['unavailable', faults.unavailable],
  ['unreachable', faults.refused],
])('DynamoDB %s', (_name, fault) => {
  test('every kind of request answers 503 with Retry-After and writes nothing', async () => {
    const sessionId = await newSession();
    const before = await countItems();
    dynamo.failWhen(() => fault());
    const replies = await Promise.all([
      t.organizer.get('/sessions'),
      t.organizer.post('/sessions', { title: 'Tidak jadi', date: '2024-03-02', venue: 'Aula' }),
      t.organizer.post(`/sessions/${sessionId}/registrations`, {
        fullName: 'Juproni',
        role: 'KETUA_PANITIA',
        villageCode: villages[0]?.code,
      }),
      t.organizer.get(`/sessions/${sessionId}/attendance`),
      t.admin.put('/regions', { kecamatan: [], villages: [] }),
      t.organizer.get('/logistics/summary'),
      t.organizer.post('/shipments', { villageCode: villages[0]?.code, lines: [{ itemCode: 'LEM', quantity: 1 }] }),
      t.anonymous.get(`/receipts/${'A'.repeat(26)}`),
      t.organizer.get(`/audit?sessionId=${sessionId}`),
    ]);
    for (const reply of replies) expectUnavailable(reply);
    dynamo.heal();
    expect(await countItems()).toBe(before);
  });
});

test('a registration whose record cannot be written gives its place back; the retry registers once', async () => {
  const sessionId = await newSession();
  const person = { fullName: "Ma'ruf", role: 'KETUA_PANITIA', villageCode: villages[1]?.code, phone: '081277770000' };
  // The first PutItem is the phone number's guard, the second the registration itself.
  dynamo.failWhen((command, nth) => (command === 'PutCommand' && nth === 2 ? faults.throttled() : undefined));
  expectUnavailable(await t.organizer.post(`/sessions/${sessionId}/registrations`, person));
  dynamo.heal();
  const list = await t.organizer.get<{ items: unknown[] }>(`/sessions/${sessionId}/registrations`);
  expect(list.body.items).toHaveLength(0);
  const retry = await t.organizer.post(`/sessions/${sessionId}/registrations`, person);
  expect(retry.status).toBe(201);
  const session = await t.organizer.get<{ registered: number }>(`/sessions/${sessionId}`);
  expect(session.body.registered).toBe(1);
  const trail = await t.organizer.get<{ items: AuditEntry[] }>(`/audit?sessionId=${sessionId}`);
  expect(trail.body.items.filter((entry) => entry.action === 'registration.created')).toHaveLength(1);
});

test('a check-in whose audit entry cannot be written is completed by the retry, once', async () => {
  const sessionId = await newSession();
  const reg = await t.organizer.post<{ id: string }>(`/sessions/${sessionId}/registrations`, {
    fullName: 'Yulianti',
    role: 'SEKRETARIS_PANITIA',
    villageCode: villages[2]?.code,
  });
  dynamo.failWhen((command) => (command === 'BatchWriteCommand' ? faults.unavailable() : undefined));
  expectUnavailable(await t.organizer.post(`/sessions/${sessionId}/registrations/${reg.body.id}/check-in`));
  dynamo.heal();
  const retry = await t.organizer.post<{ alreadyCheckedIn: boolean }>(
    `/sessions/${sessionId}/registrations/${reg.body.id}/check-in`,
  );
  expect(retry.status).toBe(200);
  const trail = await t.organizer.get<{ items: AuditEntry[] }>(`/audit?sessionId=${sessionId}`);
  expect(trail.body.items.filter((entry) => entry.action === 'registration.checkedIn')).toHaveLength(1);
});

test('a shipment that cannot be written releases its claim on the allocation', async () => {
  const villageCode = villages[3]?.code;
  await t.organizer.put(`/allocations/${villageCode}`, { lines: [{ itemCode: 'TINTA', quantity: 6 }] });
  const body = { villageCode, lines: [{ itemCode: 'TINTA', quantity: 6 }] };
  dynamo.failWhen((command) => (command === 'BatchWriteCommand' ? faults.timeout() : undefined));
  expectUnavailable(await t.organizer.post('/shipments', body));
  dynamo.heal();
  const list = await t.organizer.get<{ items: unknown[] }>(`/shipments?villageCode=${villageCode}`);
  expect(list.body.items).toHaveLength(0);
  // The whole allocation is still available: no override needed.
  expect((await t.organizer.post('/shipments', body)).status).toBe(201);
});

test('a confirmation whose audit entry failed is completed by the resend, recorded once', async () => {
  const villageCode = villages[4]?.code;
  await t.organizer.put(`/allocations/${villageCode}`, { lines: [{ itemCode: 'SEGEL', quantity: 20 }] });
  const shipment = await t.organizer.post<{ id: string; receiptCode: string }>('/shipments', {
    villageCode,
    lines: [{ itemCode: 'SEGEL', quantity: 20 }],
  });
  const body = {
    receivedBy: { name: 'Siti Nur’aini' },
    lines: [{ itemCode: 'SEGEL', good: 19, minorDamage: 1, majorDamage: 0 }],
    clientRequestId: 'offline-resend-01',
  };
  dynamo.failWhen((command) => (command === 'BatchWriteCommand' ? faults.throttled() : undefined));
  expectUnavailable(await t.anonymous.post(`/receipts/${shipment.body.receiptCode}`, body));
  dynamo.heal();
  expect((await t.anonymous.post(`/receipts/${shipment.body.receiptCode}`, body)).status).toBe(200);
  const trail = await t.organizer.get<{ items: AuditEntry[] }>(`/audit?shipmentId=${shipment.body.id}`);
  expect(trail.body.items.filter((entry) => entry.action === 'receipt.confirmed')).toHaveLength(1);
});

test('S3 unavailable while checking an upload: 503, the document stays pending, the retry verifies it', async () => {
  const villageCode = villages[5]?.code;
  await t.organizer.put(`/allocations/${villageCode}`, { lines: [{ itemCode: 'LEM', quantity: 2 }] });
  const shipment = await t.organizer.post<{ id: string; receiptCode: string }>('/shipments', {
    villageCode,
    lines: [{ itemCode: 'LEM', quantity: 2 }],
  });
  const pdf = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
  const ticket = await t.anonymous.post<{ documentId: string; url: string; fields: Record<string, string> }>(
    `/receipts/${shipment.body.receiptCode}/documents`,
    { fileName: 'bast.pdf', contentType: 'application/pdf', size: pdf.length },
  );
  const form = new FormData();
  for (const [name, value] of Object.entries(ticket.body.fields)) form.append(name, value);
  form.append('file', new Blob([pdf], { type: 'application/pdf' }));
  await fetch(ticket.body.url, { method: 'POST', body: form });
  const complete = `/receipts/${shipment.body.receiptCode}/documents/${ticket.body.documentId}/complete`;
  storage.failWhen(() => faults.unavailable());
  expectUnavailable(await t.anonymous.post(complete));
  storage.heal();
  const view = await t.organizer.get<{ documents: Array<{ status: string }> }>(`/shipments/${shipment.body.id}`);
  expect(view.body.documents.map((document) => document.status)).toEqual(['pending']);
  const retry = await t.anonymous.post<{ status: string }>(complete);
  expect(retry.status).toBe(200);
  expect(retry.body.status).toBe('verified');
});

test('a bulk import interrupted half-way and run again ends with every row exactly once', async () => {
  const sessionId = await newSession();
  const rows = okuSelatanParticipants(2000);
  // From the 200th PutItem on, every write fails for good: some records are in, some are not.
  dynamo.failWhen((command, nth) => (command === 'PutCommand' && nth >= 200 ? faults.throttled() : undefined));
  expectUnavailable(await t.organizer.post(`/sessions/${sessionId}/registrations/import`, { registrations: rows }));
  dynamo.heal();
  const partial = await t.organizer.get<{ registered: number }>(`/sessions/${sessionId}/attendance`);
  expect(partial.body.registered).toBeGreaterThan(0);
  expect(partial.body.registered).toBeLessThan(183);
  const rerun = await t.organizer.post<{ created: number; unchanged: number; rejected: unknown[] }>(
    `/sessions/${sessionId}/registrations/import`,
    { registrations: rows },
  );
  expect(rerun.status).toBe(200);
  expect(rerun.body.created + rerun.body.unchanged).toBe(183);
  expect(rerun.body.rejected).toEqual([]);
  const records = (await readWholeTable(t.stack)).filter(
    (item) => item.PK === `SESSION#${sessionId}` && String(item.SK).startsWith('REG#'),
  );
  expect(records).toHaveLength(183);
  expect(new Set(records.map((record) => record.SK)).size).toBe(183);
});

test('an unexpected error answers a bare 500 with a request id, never its message, stack or table name', async () => {
  const internal = new TypeError(
    "Cannot read properties of undefined (reading 'regs') at claimSeat (/var/task/index.mjs:1:2) table siap-local",
  );
  dynamo.failWhen(() => internal);
  const reply = await t.organizer.get<{ status: number; requestId: string }>('/sessions');
  expect(reply.status).toBe(500);
  expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(reply.body.requestId).toMatch(/^[0-9a-f-]{36}$/);
  for (const leak of ['Cannot read', 'regs', 'claimSeat', '/var/task', 'siap-local', 'TypeError']) {
    expect(reply.text).not.toContain(leak);
  }
});
