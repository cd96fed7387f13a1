import { readFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { webDir } from '#shared/kernel/config.ts';
import { NotFound } from '#shared/kernel/errors.ts';

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
const cache = new Map<string, Buffer>();

/** A built page or asset, read once per cold start; 404 when there is no such file. */
export async function staticFile(name: string): Promise<{ bytes: Buffer; contentType: string; immutable: boolean }> {
  if (!/^[\w.-]+$/.test(name) || name.startsWith('.')) throw new NotFound();
  let bytes = cache.get(name);
  if (!bytes) {
    try {
      bytes = await readFile(join(root, name));
    } catch {
      throw new NotFound();
    }
    cache.set(name, bytes);
  }
  return {
    bytes,
    contentType: TYPES[extname(name)] ?? 'application/octet-stream',
    // Hashed names (app-3F9A2C1B.js) never change content, so browsers may keep them for a year.
    immutable: /-[A-Z0-9]{8}\.\w+$/.test(name),
  };
}
