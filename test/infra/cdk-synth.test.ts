/**
 * The real thing, offline: `cdk synth` for two regencies with the CLI, bundling every function
 * with the local esbuild and running cdk-nag. Two independent stacks come out, each function's
 * asset holds what it needs (the pages, the PDF fonts), and no asset carries the brotli decoder.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const cdk = join(root, 'node_modules', '.bin', 'cdk');

function synth(slug: string): string {
  const out = mkdtempSync(join(tmpdir(), `siap-synth-${slug}-`));
  execFileSync(cdk, ['synth', '-c', `regency=${slug}`, '--quiet', '-o', out], {
    cwd: root,
    stdio: 'pipe',
    env: { ...process.env, CDK_DISABLE_VERSION_CHECK: 'true', CI: 'true' },
    timeout: 240_000,
  });
  return out;
}

const assembled = Object.fromEntries(['oku-selatan', 'tanah-bumbu'].map((slug) => [slug, synth(slug)]));

test.each(Object.keys(assembled))('cdk synth -c regency=%s writes its own stack offline', (slug) => {
  const out = assembled[slug] ?? '';
  const template = JSON.parse(readFileSync(join(out, `SiapPilkades-${slug}.template.json`), 'utf8'));
  const functions = Object.values(template.Resources as Record<string, { Type: string }>).filter(
    (resource) => resource.Type === 'AWS::Lambda::Function',
  );
  expect(functions.length).toBeGreaterThanOrEqual(11);
  const assets = readdirSync(out).filter((name) => name.startsWith('asset.'));
  const withWeb = assets.filter((name) => existsSync(join(out, name, 'web', 'terima.html')));
  const withFonts = assets.filter((name) => existsSync(join(out, name, 'fonts', 'DejaVuSans.ttf')));
  expect(withWeb).toHaveLength(1);
  expect(existsSync(join(out, withWeb[0] ?? '', 'web', 'index.html'))).toBe(true);
  expect(withFonts).toHaveLength(1);
  for (const asset of assets) {
    const bundle = join(out, asset, 'index.mjs');
    if (!existsSync(bundle)) continue;
    expect(statSync(bundle).size).toBeLessThan(1_100_000);
    // The brotli decoder package (486 KB, for WOFF2 fonts) is stubbed out; zlib's own brotli,
    // which compresses replies, is part of Node.js and costs no bytes.
    expect(readFileSync(bundle, 'utf8')).not.toContain('BrotliDecompressBuffer');
  }
});

test('the two regencies do not share a stack, a user pool domain or a time zone setting by accident', () => {
  const [a, b] = ['oku-selatan', 'tanah-bumbu'].map((slug) =>
    JSON.parse(readFileSync(join(assembled[slug] ?? '', `SiapPilkades-${slug}.template.json`), 'utf8')),
  );
  const domain = (template: { Resources: Record<string, { Type: string; Properties: { Domain?: string } }> }) =>
    Object.values(template.Resources).find((resource) => resource.Type === 'AWS::Cognito::UserPoolDomain')?.Properties
      .Domain;
  expect(domain(a)).not.toBe(domain(b));
  const zones = (template: {
    Resources: Record<string, { Type: string; Properties: { Environment?: { Variables?: Record<string, string> } } }>;
  }) =>
    new Set(
      Object.values(template.Resources)
        .filter((resource) => resource.Type === 'AWS::Lambda::Function')
        .map((resource) => resource.Properties.Environment?.Variables?.REGENCY_TIME_ZONE),
    );
  expect([...zones(a)].filter(Boolean)).toEqual(['Asia/Jakarta']);
  expect([...zones(b)].filter(Boolean)).toEqual(['Asia/Makassar']);
});
