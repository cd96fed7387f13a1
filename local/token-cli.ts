/**
 * `npm run --silent token -- organizer|admin [name]`: prints a bearer token from the local issuer
 * (the same key `npm start` uses), for curl and scripts.
 */
import { join } from 'node:path';
import { createIssuer } from './issuer.ts';
import { dataDirFromEnv } from './paths.ts';

const [group = 'organizer', name] = process.argv.slice(2);
if (group !== 'organizer' && group !== 'admin') {
  console.error('Usage: npm run --silent token -- organizer|admin [name]');
  process.exit(2);
}
const issuer = await createIssuer(join(dataDirFromEnv(), 'issuer.json'));
process.stdout.write(`${await issuer.tokenFor(group, { name })}\n`);
