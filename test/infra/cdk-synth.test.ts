/**
 * The real thing, offline: `cdk synth` for two regencies with the CLI, bundling every function
 * with the local esbuild and running cdk-nag. Each regency gets its stack and its us-east-1 edge
 * stack, nothing shared between regencies; each function's asset holds what it needs (the pages,
 * the PDF fonts), and no asset carries the brotli decoder.
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

type Resources = Record<string, { Type: string }>;
const typesIn = (template: { Resources: Resources }) => Object.values(template.Resources).map((r) => r.Type);

test.each(Object.keys(assembled))('cdk synth -c regency=%s writes its two stacks offline', (slug) => {
  const out = assembled[slug] ?? '';
  const template = JSON.parse(readFileSync(join(out, `SiapPilkades-${slug}.template.json`), 'utf8'));
  const edgeTemplate = JSON.parse(readFileSync(join(out, `SiapPilkadesEdge-${slug}.template.json`), 'utf8'));
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
    artifacts: Record<string, { type: string; environment?: string; dependencies?: string[] }>;
  };
  const stacks = Object.entries(manifest.artifacts).filter(
    ([, artifact]) => artifact.type === 'aws:cloudformation:stack',
  );
  expect(stacks.map(([name]) => name).sort()).toEqual([`SiapPilkades-${slug}`, `SiapPilkadesEdge-${slug}`]);
  expect(manifest.artifacts[`SiapPilkadesEdge-${slug}`]?.environment).toMatch(/\/us-east-1$/);
  expect(manifest.artifacts[`SiapPilkades-${slug}`]?.environment).toMatch(/\/ap-southeast-3$/);
  // The edge stack is deployed first: the regency stack reads its web ACL.
  expect(manifest.artifacts[`SiapPilkades-${slug}`]?.dependencies).toContain(`SiapPilkadesEdge-${slug}`);
  expect(typesIn(template)).toContain('AWS::CloudFront::Distribution');
  expect(typesIn(edgeTemplate)).toContain('AWS::WAFv2::WebACL');
  expect(typesIn(template)).not.toContain('AWS::WAFv2::WebACL');
  const functions = typesIn(template).filter((type) => type === 'AWS::Lambda::Function');
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
  // Each regency's functions link to its own distribution, not the other's.
  const addresses = (template: {
    Resources: Record<string, { Type: string; Properties: { Environment?: { Variables?: Record<string, unknown> } } }>;
  }) =>
    new Set(
      Object.values(template.Resources)
        .map((resource) => JSON.stringify(resource.Properties.Environment?.Variables?.PUBLIC_URL ?? null))
        .filter((value) => value !== 'null'),
    );
  expect(addresses(a).size).toBe(1);
  expect(addresses(b).size).toBe(1);
});
