import { resolve } from 'node:path';

/** Where `npm start` keeps its data: DATA_DIR, or `.data` in the repository (git-ignored). */
export function dataDirFromEnv(): string {
  return resolve(process.env.DATA_DIR ?? '.data');
}

/** The port `npm start` listens on: PORT, or 3000. */
export function portFromEnv(): number {
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got ${process.env.PORT}`);
  return port;
}
