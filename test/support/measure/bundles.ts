/**
 * Builds every function (functions/<group>.ts) and the floor handler with exactly the esbuild
 * options the CDK stack uses (infra/bundling.ts), the way NodejsFunction does: everything bundled,
 * nothing external. Shared by the benchmark and the bundle budget test.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { bundling } from '#infra/bundling.ts';
import { type FunctionGroup, functionGroups } from '#shared/routes.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The name the floor handler is reported under. */
export const FLOOR = 'floor';

export interface Bundle {
  name: FunctionGroup | typeof FLOOR;
  /** Bytes of the bundled handler (index.mjs), the file Lambda loads. */
  bytes: number;
  /** Where it was written (only when an output folder was given). */
  file?: string;
  /** Bytes per input module, largest first: what a miss is made of. */
  inputs: Array<{ path: string; bytes: number }>;
}

function entryOf(name: Bundle['name']): string {
  return name === FLOOR ? join(root, 'bench', 'floor', 'dynamo-handler.ts') : join(root, 'functions', `${name}.ts`);
}

async function buildOne(name: Bundle['name'], outDir?: string): Promise<Bundle> {
  const file = outDir ? join(outDir, name, 'index.mjs') : undefined;
  if (file) mkdirSync(dirname(file), { recursive: true });
  const result = await esbuild.build({
    entryPoints: [entryOf(name)],
    bundle: true,
    format: bundling.format,
    platform: bundling.platform,
    target: bundling.target,
    minify: bundling.minify,
    mainFields: [...bundling.mainFields],
    banner: { js: bundling.banner },
    alias: { ...bundling.alias },
    absWorkingDir: root,
    outfile: file ?? join(root, 'cdk.out', 'bench', name, 'index.mjs'),
    write: Boolean(file),
    metafile: true,
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs)[0];
  const inputs = Object.entries(output?.inputs ?? {})
    .map(([path, input]) => ({ path, bytes: input.bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes);
  return { name, bytes: output?.bytes ?? 0, file, inputs };
}

/** Builds the floor and every function group (in parallel); written to `outDir` when given. */
export async function buildBundles(outDir?: string): Promise<{ floor: Bundle; functions: Bundle[] }> {
  const names: Bundle['name'][] = [FLOOR, ...functionGroups];
  const [floor, ...functions] = await Promise.all(names.map((name) => buildOne(name, outDir)));
  return { floor: floor as Bundle, functions };
}

/** Output bytes grouped by package (or `(app)` for the project's own code). */
export function bytesByPackage(bundle: Bundle): Array<{ name: string; bytes: number }> {
  const totals = new Map<string, number>();
  for (const input of bundle.inputs) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input.path);
    const name = match?.[1] ?? '(app)';
    totals.set(name, (totals.get(name) ?? 0) + input.bytes);
  }
  return [...totals].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
}

/** Where a bundle's bytes above the floor come from: the packages that grew most. */
export function overFloor(bundle: Bundle, floor: Bundle, top = 4): string {
  const base = new Map(bytesByPackage(floor).map((entry) => [entry.name, entry.bytes]));
  return bytesByPackage(bundle)
    .map((entry) => ({ name: entry.name, bytes: entry.bytes - (base.get(entry.name) ?? 0) }))
    .filter((entry) => entry.bytes > 1_000)
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, top)
    .map((entry) => `${entry.name} +${(entry.bytes / 1000).toFixed(1)} kB`)
    .join(', ');
}
