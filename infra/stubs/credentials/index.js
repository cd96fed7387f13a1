/**
 * The SDK's default credential chain looks in a dozen places (files, SSO, web identity, the
 * instance metadata service) and carries code for each: ~135 KB of every bundle. Lambda gives a
 * function its role's credentials in the environment, so the bundles read only that (see
 * infra/bundling.ts); a test proves a bundle still signs its requests with them.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';

export const defaultProvider = (init) => fromEnv(init);
