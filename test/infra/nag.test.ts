import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { loadRegencyConfig } from '#infra/regency-config.ts';
import { RegencyStack } from '#infra/regency-stack.ts';

const root = join(import.meta.dirname, '..', '..');

function appWithNag(slug: string) {
  const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'siap-nag-')), context: { 'aws:cdk:bundling-stacks': [] } });
  const regency = loadRegencyConfig(slug);
  const stack = new RegencyStack(app, `SiapPilkades-${slug}`, {
    regency,
    webDir: mkdtempSync(join(tmpdir(), 'siap-web-')),
    functionsDir: join(root, 'functions'),
    env: { account: '111122223333', region: regency.region },
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}

test.each(['oku-selatan', 'tanah-bumbu'])('cdk-nag AwsSolutions finds nothing unacknowledged in %s', (slug) => {
  const { app } = appWithNag(slug);
  expect(() => app.synth()).not.toThrow();
});

test('every acknowledgement states its reason next to the resource it excuses', () => {
  const { stack } = appWithNag('oku-selatan');
  const acknowledged = stack.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .map((entry) => ({
        path: construct.node.path,
        data: entry.data as Record<string, { reason?: string } | string>,
      })),
  );
  expect(acknowledged.length).toBeGreaterThan(0);
  for (const { path, data } of acknowledged) {
    for (const [rule, value] of Object.entries(data)) {
      const reason = typeof value === 'string' ? value : value.reason;
      expect({ path, rule, reasonLength: (reason ?? '').length >= 30 }).toEqual({ path, rule, reasonLength: true });
    }
  }
});
