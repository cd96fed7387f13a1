/**
 * `npm run --silent token -- organizer|admin [name]` or `… token -- kecamatan <kecamatanCode> [name]`:
 * prints a bearer token from the local issuer (the same key `npm start` uses), for curl and scripts.
 */
import { join } from 'node:path';
import { createIssuer } from './issuer.ts';
import { dataDirFromEnv } from './paths.ts';

const USAGE = 'Usage: npm run --silent token -- organizer|admin [name]  |  kecamatan <kecamatanCode> [name]';
const [group = 'organizer', ...rest] = process.argv.slice(2);
let kecamatanCode: string | undefined;
let name: string | undefined;
if (group === 'kecamatan') {
  [kecamatanCode, name] = rest;
  if (!kecamatanCode || !/^\d{2}\.\d{2}\.\d{2}$/.test(kecamatanCode)) {
    console.error(`${USAGE}\n(a kecamatan code looks like 16.09.01)`);
    process.exit(2);
  }
} else if (group === 'organizer' || group === 'admin') {
  [name] = rest;
} else {
  console.error(USAGE);
  process.exit(2);
}
const issuer = await createIssuer(join(dataDirFromEnv(), 'issuer.json'));
process.stdout.write(`${await issuer.tokenFor(group, { name, kecamatanCode })}\n`);
