/**
 * `npm start`: the whole system locally, persisted in DATA_DIR (default `.data`), on PORT
 * (default 3000), seeded with the demo regency on first run.
 */
import { join } from 'node:path';
import { dataDirFromEnv, portFromEnv } from './paths.ts';
import { startLocalStack } from './stack.ts';

const dataDir = dataDirFromEnv();
const stack = await startLocalStack({
  dataDir,
  port: portFromEnv(),
  host: process.env.HOST ?? '127.0.0.1',
  seed: true,
  schedules: true,
  log: process.env.QUIET ? undefined : (line) => console.log(line),
});

console.log(`
SIAP Pilkades is running (local stack: dynalite + s3rver + local gateway).

  Open          ${stack.url}/
  Sign in       choose a local account on the page, then "Masuk (lokal)": the demo's admin
                Hj. Rosmawati, organizer Andi Saputra, and Yulianti (Kasi Pemerintahan of Muara Dua,
                a kecamatan account); admins add more from Pengguna
  API           ${stack.url}/openapi.json
  Token         npm run --silent token -- organizer     (or: admin, or kecamatan 16.09.01)
  Example       curl -H "Authorization: Bearer $(npm run --silent token -- organizer)" ${stack.url}/sessions

  From a phone  ${process.env.HOST && process.env.HOST !== '127.0.0.1' ? `one-time sign-in code ${stack.signInCode()} (a new one is printed after each use)` : "set HOST=0.0.0.0 and open this machine's address"}
  Data          ${dataDir} (${stack.seeded ? 'seeded with the demo regency OKU Selatan' : 'kept from the last run'})
  Documents     ${join(dataDir, 's3')}
Press Ctrl+C to stop.
`);

const shutdown = async () => {
  await stack.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
