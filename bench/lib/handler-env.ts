/**
 * The environment a handler reads when it is imported (configuration is read once, at cold
 * start, and a missing value fails loudly), for loading a bundle outside the local stack.
 */
import { fontsSourceDir } from '#infra/fonts.ts';

export function handlerEnv(webDir: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    TABLE_NAME: 'siap-bench',
    BUCKET_NAME: 'siap-bench-documents',
    REGENCY_NAME: 'Kabupaten Ogan Komering Ulu Selatan',
    REGENCY_SLUG: 'oku-selatan',
    AWS_REGION: 'ap-southeast-3',
    AUTH_MODE: 'local',
    WEB_DIR: webDir,
    FONTS_DIR: fontsSourceDir,
    // The SDK warns once on Node 20 (Lambda runs 24); printing it would be timed too.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}
