import { villages } from '#local/demo/oku-selatan.ts';
import type { AuditEntry } from '#shared/audit/contract.ts';
import { startTestStack, type TestStack } from '#test/support/api.ts';

let t: TestStack;
type Page = { items: AuditEntry[]; nextCursor: string | null };

beforeAll(async () => {
  t = await startTestStack();
});
afterAll(async () => {
  await t.stack.stop();
});

test('registration, check-in and cancellation are in the session trail with who, when, before and after', async () => {
  const session = await t.organizer.post<{ id: string }>('/sessions', {
    title: 'Audit',
    date: '2024-01-10',
    venue: 'Aula',
  });
  const sid = session.body.id;
  const village = villages[4]?.code ?? '';
  const reg = await t.organizer.post<{ id: string }>(`/sessions/${sid}/registrations`, {
    fullName: 'Juproni',
    role: 'KETUA_PANITIA',
    villageCode: village,
  });
  await t.organizer.post(`/sessions/${sid}/registrations/${reg.body.id}/check-in`);
  await t.organizer.post(`/sessions/${sid}/registrations/${reg.body.id}/check-in`);
  await t.admin.delete(`/sessions/${sid}/registrations/${reg.body.id}`);

  const trail = await t.organizer.get<Page>(`/audit?sessionId=${sid}`);
  expect(trail.status).toBe(200);
  expect(trail.body.items.map((entry) => entry.action)).toEqual([
    'registration.cancelled',
    'registration.checkedIn',
    'registration.created',
    'session.created',
  ]);
  const [cancelled, checkedIn, created] = trail.body.items;
  expect(cancelled?.actor).toMatchObject({ type: 'user', name: 'Admin DPMD' });
  expect(cancelled?.before).toMatchObject({ fullName: 'Juproni', villageCode: village });
  expect(cancelled?.after).toBeNull();
  expect(checkedIn?.actor).toMatchObject({ type: 'user', name: 'Panitia DPMD' });
  expect(checkedIn?.before).toEqual({ checkedInAt: null });
  expect(created?.after).toMatchObject({ fullName: 'Juproni', role: 'KETUA_PANITIA' });

  const desa = await t.organizer.get<Page>(`/audit?villageCode=${village}`);
  expect(desa.body.items.map((entry) => entry.action)).toEqual(
    expect.arrayContaining(['registration.created', 'registration.checkedIn', 'registration.cancelled']),
  );
});

test('a village confirmation is recorded with the village as the actor', async () => {
  const village = villages[6]?.code ?? '';
  await t.organizer.put(`/allocations/${village}`, { lines: [{ itemCode: 'TINTA', quantity: 4 }] });
  const shipment = await t.organizer.post<{ id: string; receiptCode: string }>('/shipments', {
    villageCode: village,
    lines: [{ itemCode: 'TINTA', quantity: 4 }],
  });
  await t.anonymous.post(`/receipts/${shipment.body.receiptCode}`, {
    receivedBy: { name: 'Sekretaris Desa' },
    lines: [{ itemCode: 'TINTA', good: 3, minorDamage: 0, majorDamage: 1 }],
  });
  const trail = await t.organizer.get<Page>(`/audit?shipmentId=${shipment.body.id}`);
  expect(trail.body.items.map((entry) => [entry.action, entry.actor.type])).toEqual([
    ['receipt.confirmed', 'village'],
    ['shipment.created', 'user'],
  ]);
  expect(JSON.stringify(trail.body)).not.toContain(shipment.body.receiptCode);
  const allocations = await t.organizer.get<Page>('/audit?trail=allocations');
  expect(allocations.body.items[0]).toMatchObject({ action: 'allocation.set', entityId: village });
});

test('an audit query names exactly one trail', async () => {
  const none = await t.organizer.get<{ errors: Array<{ field: string }> }>('/audit');
  expect(none.status).toBe(400);
  const two = await t.organizer.get(`/audit?villageCode=${villages[0]?.code}&trail=regions`);
  expect(two.status).toBe(400);
});
