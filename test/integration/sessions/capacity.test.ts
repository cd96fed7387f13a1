import { startTestStack, type TestStack } from '#test/support/api.ts';
import { CROWD_ROLES, committeeMembers } from '#test/support/crowd.ts';

let t: TestStack;

beforeAll(async () => {
  t = await startTestStack();
});
afterAll(async () => {
  await t.stack.stop();
});

test('a session holds at most 10,000 people even without a set capacity, and 10,000 fit', async () => {
  const session = await t.organizer.post<{ id: string }>('/sessions', {
    title: 'Bimtek besar',
    date: '2024-06-01',
    venue: 'Stadion',
    roles: CROWD_ROLES,
  });
  const people = committeeMembers(10_001);
  for (let from = 0; from < 10_000; from += 250) {
    const imported = await t.organizer.post<{ created: number; rejected: Array<{ index: number; status: number }> }>(
      `/sessions/${session.body.id}/registrations/import`,
      { registrations: people.slice(from, from + 250) },
    );
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ created: 250, rejected: [] });
  }
  const oneMore = await t.organizer.post<{ detail: string }>(
    `/sessions/${session.body.id}/registrations`,
    people[10_000],
  );
  expect(oneMore.status).toBe(409);
  expect(oneMore.body.detail).toBe('Kuota sesi sudah penuh (10.000 peserta).');
  const recap = await t.organizer.get<{ registered: number }>(`/sessions/${session.body.id}/attendance`);
  expect(recap.body.registered).toBe(10_000);
  const shown = await t.organizer.get<{ registered: number }>(`/sessions/${session.body.id}`);
  expect(shown.body.registered).toBe(10_000);
}, 300_000);
