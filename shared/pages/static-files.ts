import { readFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { webDir } from '#shared/kernel/config.ts';
import { NotFound } from '#shared/kernel/errors.ts';
import type { Encoding } from '#shared/kernel/http/compression.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

// In Lambda the built pages sit in `web/` beside the bundle; locally WEB_DIR points at web/dist.
const root = webDir() ?? join(dirname(fileURLToPath(import.meta.url)), 'web');
const cache = new Map<string, Buffer | null>();

async function read(name: string): Promise<Buffer | null> {
  if (cache.has(name)) return cache.get(name) ?? null;
  const bytes = await readFile(join(root, name)).catch(() => null);
  cache.set(name, bytes);
  return bytes;
}

/** A built file and its precompressed copies (web/build.ts writes `.br` and `.gz` beside it). */
export interface StaticFile {
  bytes: Buffer;
  contentType: string;
  immutable: boolean;
  compressed: Partial<Record<Encoding, Buffer>>;
}

/** A built page or asset, read once per cold start; 404 when there is no such file. */
export async function staticFile(name: string): Promise<StaticFile> {
  if (!/^[\w.-]+$/.test(name) || name.startsWith('.') || /\.(br|gz)$/.test(name)) throw new NotFound();
  const bytes = await read(name);
  if (!bytes) throw new NotFound();
  const [br, gzip] = await Promise.all([read(`${name}.br`), read(`${name}.gz`)]);
  return {
    bytes,
    contentType: TYPES[extname(name)] ?? 'application/octet-stream',
    // Hashed names (app-3F9A2C1B.js) never change content, so browsers may keep them for a year.
    immutable: /-[A-Z0-9]{8}\.\w+$/.test(name),
    compressed: { ...(br ? { br } : {}), ...(gzip ? { gzip } : {}) },
  };
}
