import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { EDGE_REGION, EdgeStack } from '#infra/edge-stack.ts';
import { loadRegencyConfig, RegencyConfig } from '#infra/regency-config.ts';
import { RegencyStack } from '#infra/regency-stack.ts';

const root = join(import.meta.dirname, '..', '..');

export interface RegencyAppOptions {
  /** Run cdk-nag's AWS Solutions rules at synth. */
  nag?: boolean;
  /** Settings over the regency's config file (validated like the file). */
  config?: Partial<RegencyConfig>;
}

/**
 * One regency's app and its two stacks, in-process, as infra/app.ts builds them, with bundling
 * skipped (assets become placeholders): the templates' shape is what these tests judge; bundles are
 * measured by the bundle-size tests and built for real by the cdk-synth test.
 */
export function regencyApp(
  slug: string,
  options: RegencyAppOptions = {},
): { app: App; stack: RegencyStack; edge: EdgeStack } {
  const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'siap-cdk-')), context: { 'aws:cdk:bundling-stacks': [] } });
  const regency = RegencyConfig.parse({ ...loadRegencyConfig(slug), ...options.config });
  const edge = new EdgeStack(app, `SiapPilkadesEdge-${slug}`, {
    slug,
    env: { account: '111122223333', region: EDGE_REGION },
  });
  const stack = new RegencyStack(app, `SiapPilkades-${slug}`, {
    regency,
    edge,
    webDir: mkdtempSync(join(tmpdir(), 'siap-web-')),
    fontsDir: mkdtempSync(join(tmpdir(), 'siap-fonts-')),
    functionsDir: join(root, 'functions'),
    env: { account: '111122223333', region: regency.region },
  });
  if (options.nag) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack, edge };
}

/** A regency's stacks and their synthesized templates. */
export function synthRegency(
  slug: string,
  options: Omit<RegencyAppOptions, 'nag'> = {},
): { app: App; stack: RegencyStack; edge: EdgeStack; template: Template; edgeTemplate: Template } {
  const { app, stack, edge } = regencyApp(slug, options);
  return { app, stack, edge, template: Template.fromStack(stack), edgeTemplate: Template.fromStack(edge) };
}
