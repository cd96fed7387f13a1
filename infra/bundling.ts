import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * How every function is bundled, in one place: the CDK stack passes these options to esbuild
 * through NodejsFunction, and the bundle-size budget tests and the benchmark build with exactly
 * the same options, so what they measure is what Lambda loads.
 */
export const bundling = {
  format: 'esm',
  platform: 'node',
  target: 'node24',
  minify: true,
  mainFields: ['module', 'main'],
  // Some dependencies still call require(); give the ESM bundle one.
  banner: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);",
  // Packages swapped for smaller ones: brotli is only needed for WOFF2 fonts, which we never load;
  // credentials come from the environment Lambda sets, never from files, SSO or metadata services.
  alias: {
    brotli: join(here, 'stubs', 'brotli'),
    '@aws-sdk/credential-provider-node': join(here, 'stubs', 'credentials', 'index.js'),
  },
} as const;
