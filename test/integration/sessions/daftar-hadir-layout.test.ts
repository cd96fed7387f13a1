/**
 * The printed daftar hadir uses its pages: a short list fills page 1 and only what must go with the
 * signature block moves on (a page left a quarter empty reads as if rows were lost).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestStack, type TestStack } from '#test/support/api.ts';
import { okuSelatanParticipants } from '#test/support/people.ts';

const run = promisify(execFile);
let t: TestStack;
let dir: string;

beforeAll(async () => {
  t = await startTestStack();
  dir = mkdtempSync(join(tmpdir(), 'siap-dh-'));
});
afterAll(async () => {
  await t.stack.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('fourteen people: page 1 holds thirteen rows, page 2 the last row and the signature block', async () => {
  // Prepare
  const session = await t.organizer.post<{ id: string }>('/sessions', {
    title: 'Sosialisasi Pilkades Serentak Gelombang I',
    date: '2023-02-08',
    venue: 'Gedung Serbaguna Pemkab OKU Selatan, Muaradua',
  });
  const people = okuSelatanParticipants().slice(0, 14);
  for (const person of people) await t.organizer.post(`/sessions/${session.body.id}/registrations`, person);
  // Act
  const reply = await fetch(`${t.stack.url}/sessions/${session.body.id}/attendance.pdf`, {
    headers: { authorization: `Bearer ${t.tokens.organizer}` },
  });
  const file = join(dir, 'daftar-hadir.pdf');
  writeFileSync(file, Buffer.from(await reply.arrayBuffer()));
  const page = async (n: number) =>
    (await run('pdftotext', ['-layout', '-f', String(n), '-l', String(n), file, '-'])).stdout;
  const [one, two] = await Promise.all([page(1), page(2)]);
  // Assess: the row numbers of the list (first column) on each page.
  const numbers = (text: string) =>
    text
      .split('\n')
      .map((line) => /^\s{0,8}(\d{1,3}) .*(Panitia|Pemerintahan)/.exec(line)?.[1])
      .filter((value): value is string => value !== undefined)
      .map(Number);
  expect(numbers(one)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
  expect(numbers(two)).toEqual([14]);
  expect(two).toContain('Petugas pencatat');
});
