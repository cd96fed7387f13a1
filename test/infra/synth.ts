import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { loadRegencyConfig } from '#infra/regency-config.ts';
import { RegencyStack } from '#infra/regency-stack.ts';

const root = join(import.meta.dirname, '..', '..');

/**
 * Synthesizes one regency's stack in-process. Bundling is skipped (assets become placeholders):
 * the template's shape is what these tests judge; bundles are measured by the bundle-size tests.
 */
export function synthRegency(slug: string): { app: App; stack: RegencyStack; template: Template } {
  const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'siap-cdk-')), context: { 'aws:cdk:bundling-stacks': [] } });
  const regency = loadRegencyConfig(slug);
  const stack = new RegencyStack(app, `SiapPilkades-${slug}`, {
    regency,
    webDir: mkdtempSync(join(tmpdir(), 'siap-web-')),
    functionsDir: join(root, 'functions'),
    env: { account: '111122223333', region: regency.region },
  });
  return { app, stack, template: Template.fromStack(stack) };
}
