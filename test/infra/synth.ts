import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { loadRegencyConfig } from '#infra/regency-config.ts';
import { RegencyStack } from '#infra/regency-stack.ts';

const root = join(import.meta.dirname, '..', '..');

/**
 * One regency's app and stack, in-process, with bundling skipped (assets become placeholders): the
 * template's shape is what these tests judge; bundles are measured by the bundle-size tests and
 * built for real by the cdk-synth test. With `nag`, cdk-nag's AWS Solutions rules run at synth.
 */
export function regencyApp(slug: string, options: { nag?: boolean } = {}): { app: App; stack: RegencyStack } {
  const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'siap-cdk-')), context: { 'aws:cdk:bundling-stacks': [] } });
  const regency = loadRegencyConfig(slug);
  const stack = new RegencyStack(app, `SiapPilkades-${slug}`, {
    regency,
    webDir: mkdtempSync(join(tmpdir(), 'siap-web-')),
    fontsDir: mkdtempSync(join(tmpdir(), 'siap-fonts-')),
    functionsDir: join(root, 'functions'),
    env: { account: '111122223333', region: regency.region },
  });
  if (options.nag) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}

/** A regency's stack and its synthesized template. */
export function synthRegency(slug: string): { app: App; stack: RegencyStack; template: Template } {
  const { app, stack } = regencyApp(slug);
  return { app, stack, template: Template.fromStack(stack) };
}
