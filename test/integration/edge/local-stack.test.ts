/**
 * `npm start`'s promises, in real child processes as a person would run it: data kept in DATA_DIR
 * survives a restart (the demo is seeded once), it listens on PORT and says where, and
 * `npm run token` prints a token the running stack accepts.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Api } from '#test/support/api.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'siap-data-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Runs `npm start`'s script until it prints where to open it. */
async function start(port: number): Promise<{ child: ChildProcess; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'local', 'start.ts')], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), QUIET: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not come up:\n${output}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Press Ctrl+C to stop.')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
  return { child, output };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

test('npm start keeps its data across a restart, seeds once, and accepts the token command’s tokens', async () => {
  // Prepare: a first run seeds the demo and takes a registration.
  const port = await freePort();
  const first = await start(port);
  expect(first.output).toContain(`Open          http://127.0.0.1:${port}/`);
  expect(first.output).toContain('seeded with the demo regency OKU Selatan');
  const token = () =>
    execFileSync(process.execPath, ['--import', 'tsx', join(root, 'local', 'token-cli.ts'), 'organizer'], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir },
      encoding: 'utf8',
    }).trim();
  const organizer = new Api(`http://127.0.0.1:${port}`, token());
  const sessions = await organizer.get<{ items: Array<{ id: string }> }>('/sessions');
  const sessionId = sessions.body.items[0]?.id;
  const registered = await organizer.post(`/sessions/${sessionId}/registrations`, {
    fullName: 'Juproni',
    role: 'KETUA_PANITIA',
    villageCode: '16.09.01.2002',
  });
  expect(registered.status).toBe(201);
  await stop(first.child);

  // Act: start again on the same data folder.
  const second = await start(port);
  try {
    // Assess
    expect(second.output).toContain('kept from the last run');
    const api = new Api(`http://127.0.0.1:${port}`, token());
    const list = await api.get<{ items: Array<{ fullName: string }> }>(`/sessions/${sessionId}/registrations`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((item) => item.fullName)).toEqual(['Juproni']);
    const all = await api.get<{ items: unknown[] }>('/sessions');
    expect(all.body.items).toHaveLength(1);
  } finally {
    await stop(second.child);
  }
}, 120_000);
