import { startTestStack, type TestStack } from '#test/support/api.ts';
import { committeeMembers } from '#test/support/crowd.ts';

let t: TestStack;

beforeAll(async () => {
  t = await startTestStack();
});
afterAll(async () => {
  await t.stack.stop();
});

test('a session holds at most 3,000 people even without a set capacity, and 3,000 fit', async () => {
  const session = await t.organizer.post<{ id: string }>('/sessions', {
    title: 'Bimtek besar',
    date: '2024-06-01',
    venue: 'Stadion',
  });
  const people = committeeMembers(3_001);
  const imported = await t.organizer.post<{ created: number; rejected: Array<{ index: number; status: number }> }>(
    `/sessions/${session.body.id}/registrations/import`,
    { registrations: people.slice(0, 3_000) },
  );
  expect(imported.status).toBe(200);
  expect(imported.body.created).toBe(3_000);
  const oneMore = await t.organizer.post<{ detail: string }>(
    `/sessions/${session.body.id}/registrations`,
    people[3_000],
  );
  expect(oneMore.status).toBe(409);
  expect(oneMore.body.detail).toBe('Kuota sesi sudah penuh (3000 peserta).');
  const recap = await t.organizer.get<{ registered: number }>(`/sessions/${session.body.id}/attendance`);
  expect(recap.body.registered).toBe(3_000);
}, 120_000);
