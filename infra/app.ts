/**
 * The CDK app: one stack per regency, chosen with `-c regency=<slug>`
 * (config/regencies/<slug>.json). Synthesizes offline; functions are bundled with the local esbuild.
 */
import { join } from 'node:path';
import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { buildWeb } from '#web/build.ts';
import { buildPdfFonts } from './fonts.ts';
import { loadRegencyConfig } from './regency-config.ts';
import { RegencyStack } from './regency-stack.ts';

const root = join(import.meta.dirname, '..');
const app = new App();
const regency = loadRegencyConfig(app.node.tryGetContext('regency'));
const webDir = await buildWeb(join(root, 'cdk.out', `.web-${regency.slug}`));
const fontsDir = await buildPdfFonts(join(root, 'cdk.out', '.fonts'));

const stack = new RegencyStack(app, `SiapPilkades-${regency.slug}`, {
  regency,
  webDir,
  fontsDir,
  functionsDir: join(root, 'functions'),
  env: { account: regency.account ?? process.env.CDK_DEFAULT_ACCOUNT, region: regency.region },
  description: `SIAP Pilkades for ${regency.name}`,
});
Tags.of(stack).add('project', 'siap-pilkades');
Tags.of(stack).add('regency', regency.slug);
// cdk-nag's AWS Solutions rules run at every synth: an unacknowledged finding stops it.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
