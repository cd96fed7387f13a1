/**
 * The CDK app: one regency per synth, chosen with `-c regency=<slug>` (config/regencies/<slug>.json):
 * its stack in the regency's region and its companion edge stack in us-east-1 (the WAF web ACL that
 * CloudFront needs there). `cdk deploy --all -c regency=<slug>` deploys both, the edge stack first.
 * Synthesizes offline; functions are bundled with the local esbuild.
 */
import { join } from 'node:path';
import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { buildWeb } from '#web/build.ts';
import { EDGE_REGION, EdgeStack } from './edge-stack.ts';
import { buildPdfFonts } from './fonts.ts';
import { loadRegencyConfig } from './regency-config.ts';
import { RegencyStack } from './regency-stack.ts';

const root = join(import.meta.dirname, '..');
const app = new App();
const regency = loadRegencyConfig(app.node.tryGetContext('regency'));
const webDir = await buildWeb(join(root, 'cdk.out', `.web-${regency.slug}`));
const fontsDir = await buildPdfFonts(join(root, 'cdk.out', '.fonts'));
const account = regency.account ?? process.env.CDK_DEFAULT_ACCOUNT;

const edge = new EdgeStack(app, `SiapPilkadesEdge-${regency.slug}`, {
  slug: regency.slug,
  env: { account, region: EDGE_REGION },
  description: `SIAP Pilkades for ${regency.name}: web ACL and CloudFront logs (us-east-1)`,
});
const stack = new RegencyStack(app, `SiapPilkades-${regency.slug}`, {
  regency,
  edge,
  webDir,
  fontsDir,
  functionsDir: join(root, 'functions'),
  env: { account, region: regency.region },
  description: `SIAP Pilkades for ${regency.name}`,
});
for (const each of [edge, stack]) {
  Tags.of(each).add('project', 'siap-pilkades');
  Tags.of(each).add('regency', regency.slug);
}
// cdk-nag's AWS Solutions rules run at every synth: an unacknowledged finding stops it.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
