/**
 * Builds the pages with esbuild: each entry is bundled and minified under a content-hashed name
 * (so browsers can cache it for a year), and each HTML template gets the hashed names filled in.
 * Output: a flat folder served by the `web` function (locally and in Lambda).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const source = join(here, 'src');

// Safari 14.1, not 14.0: esbuild cannot lower destructuring for 14.0 (its compat table marks
// a 14.0 destructuring bug), and every iPhone that got 14.0 was offered 14.1.
const TARGET = ['es2020', 'chrome80', 'safari14.1', 'firefox80'];

/**
 * Scripts (each with its CSS imported inside) that pages load: the organizer app, split so the
 * parts used less often (logistics, regions) load only when opened; and the public pages a phone
 * opens from a link or a QR (the village's receipt, a unit's invitation, a person's pass, a
 * certificate's check), each built on its own so a phone on a weak signal loads only that.
 */
export const webEntries = [
  { name: 'app', splitting: true },
  { name: 'receipt', splitting: false },
  { name: 'invitation', splitting: false },
  { name: 'pass', splitting: false },
  { name: 'certificate', splitting: false },
] as const;

/** Builds every page into `outDir` (emptied first) and answers the folder. */
export async function buildWeb(outDir: string): Promise<string> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const results = await Promise.all(webEntries.map((entry) => buildEntry(entry.name, entry.splitting, outDir)));
  const hashed: Record<string, string> = {};
  // The chunks each entry imports statically: the page asks for them at once (modulepreload)
  // instead of discovering them one round trip after the entry, which is slow on 3G.
  const preloads: Record<string, string[]> = {};
  for (const result of results) {
    for (const [output, meta] of Object.entries(result.metafile.outputs)) {
      const name = basename(output);
      const match = /^(.+)-[A-Z0-9]{8}(\.\w+)$/.exec(name);
      if (match) hashed[`${match[1]}${match[2]}`] = name;
      if (meta.entryPoint && name.endsWith('.js')) {
        preloads[match?.[1] ?? name] = meta.imports
          .filter((imported) => imported.kind === 'import-statement')
          .map((imported) => basename(imported.path));
      }
    }
  }
  for (const file of readdirSync(source)) {
    if (!file.endsWith('.html')) continue;
    const html = readFileSync(join(source, file), 'utf8')
      .replace(/\{\{preload:([\w-]+)\}\}/g, (_whole, entry: string) =>
        (preloads[entry] ?? []).map((chunk) => `<link rel="modulepreload" href="/assets/${chunk}">`).join('\n'),
      )
      .replace(/\{\{([\w.-]+)\}\}/g, (_whole, name: string) => {
        const target = hashed[name];
        if (!target) throw new Error(`${file} refers to ${name}, which the build did not produce`);
        return target;
      });
    writeFileSync(join(outDir, file), html);
  }
  await buildPassWorker(outDir, results[webEntries.findIndex((entry) => entry.name === 'pass')]);
  compressAll(outDir);
  writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(hashed, null, 2));
  return outDir;
}

/**
 * The pass page's service worker (web/src/pass/worker.ts), under the fixed name the web function
 * serves as `/hadir/sw.js`. It is handed the page's hashed files and a version drawn from them and
 * the page's HTML, so any change to the page makes a new worker, which the phone installs at its
 * next open.
 */
async function buildPassWorker(outDir: string, pass: { metafile: esbuild.Metafile } | undefined): Promise<void> {
  const files = Object.keys(pass?.metafile.outputs ?? {})
    .map((output) => `/assets/${basename(output)}`)
    .sort();
  if (files.length === 0) throw new Error('the pass page was not built');
  const version = createHash('sha256')
    .update(files.join('\n'))
    .update(readFileSync(join(outDir, 'hadir.html')))
    .digest('hex')
    .slice(0, 16);
  await esbuild.build({
    entryPoints: [join(source, 'pass', 'worker.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: TARGET,
    define: { PASS_FILES: JSON.stringify(files), PASS_VERSION: JSON.stringify(version) },
    outfile: join(outDir, 'pass-sw.js'),
    legalComments: 'none',
    logLevel: 'silent',
  });
}

/**
 * Writes a brotli (best quality: done once, at build) and a gzip copy beside every page, script
 * and style sheet, so the web function serves them without compressing per request.
 */
function compressAll(outDir: string): void {
  for (const file of readdirSync(outDir)) {
    if (!/\.(js|css|html|json)$/.test(file)) continue;
    const bytes = readFileSync(join(outDir, file));
    writeFileSync(
      join(outDir, `${file}.br`),
      brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }),
    );
    writeFileSync(join(outDir, `${file}.gz`), gzipSync(bytes, { level: 9 }));
  }
}

function buildEntry(name: string, splitting: boolean, outDir: string) {
  return esbuild.build({
    entryPoints: { [name]: join(source, `${name}.ts`) },
    splitting,
    chunkNames: `${name}-chunk-[hash]`,
    bundle: true,
    minify: true,
    format: 'esm',
    target: TARGET,
    entryNames: '[name]-[hash]',
    assetNames: '[name]-[hash]',
    outdir: outDir,
    metafile: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
}

// `tsx web/build.ts [outDir]` builds by hand.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = process.argv[2] ?? join(here, 'dist');
  await buildWeb(out);
  console.log(`Pages built into ${out}`);
}
