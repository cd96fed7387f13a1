/**
 * A bulk import judges its rows against the session, reserves their seats in one counter update,
 * then writes each row's phone guard and record with conditions. When someone registers at the
 * desk in between, the import's write for that place is refused by its condition; the row is
 * settled as a single registration would be, and everyone still ends up exactly once.
 */
import { villages } from '#local/demo/oku-selatan.ts';
import { startTestStack, type TestStack } from '#test/support/api.ts';
import { committeeMembers } from '#test/support/crowd.ts';
import { readWholeTable } from '#test/support/table.ts';

let t: TestStack;
let interleave: (() => Promise<void>) | undefined;

beforeAll(async () => {
  t = await startTestStack();
  const { db } = await import('#shared/kernel/table/client.ts');
  db.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { Key?: { SK?: string }; ExpressionAttributeValues?: Record<string, unknown> };
      const delta = Number(input.ExpressionAttributeValues?.[':delta'] ?? 0);
      if (String(context.commandName).startsWith('Update') && input.Key?.SK === 'TOTALS' && delta > 1) {
        // After the import judged its rows and just before it reserves their seats, someone registers at the desk.
        if (interleave) {
          const run = interleave;
          interleave = undefined;
          await run();
        }
      }
      return next(args);
    },
    { step: 'initialize', name: 'interleaveProbe' },
  );
});
afterAll(async () => {
  await t.stack.stop();
});

test('a registration between two chunks: the import still registers everyone once, and refuses a place taken meanwhile', async () => {
  const session = await t.organizer.post<{ id: string }>('/sessions', {
    title: 'Impor',
    date: '2024-07-01',
    venue: 'Aula',
  });
  const rows = [
    ...committeeMembers(240),
    { fullName: 'Calon Ketua Impor', role: 'KETUA_PANITIA' as const, villageCode: villages[3]?.code ?? '' },
  ];
  interleave = async () => {
    const desk = await t.organizer.post(`/sessions/${session.body.id}/registrations`, {
      fullName: 'Ketua Dari Meja',
      role: 'KETUA_PANITIA',
      villageCode: villages[3]?.code,
    });
    expect(desk.status).toBe(201);
  };
  const reply = await t.organizer.post<{
    created: number;
    unchanged: number;
    rejected: Array<{ index: number; status: number }>;
  }>(`/sessions/${session.body.id}/registrations/import`, { registrations: rows });
  expect(interleave).toBeUndefined();
  expect(reply.status).toBe(200);
  expect(reply.body.created).toBe(240);
  expect(reply.body.rejected).toEqual([
    { index: 240, status: 409, detail: expect.stringContaining('Ketua Dari Meja') },
  ]);
  const records = (await readWholeTable(t.stack)).filter(
    (item) => item.PK === `SESSION#${session.body.id}` && String(item.SK).startsWith('REG#'),
  );
  expect(records).toHaveLength(241);
  const recap = await t.organizer.get<{ registered: number }>(`/sessions/${session.body.id}/attendance`);
  expect(recap.body.registered).toBe(241);
});
