/** Style sheets are bundled by esbuild; importing one only adds it to the page's CSS. */
declare module '*.css';

/**
 * The pages import only *types* from `shared/contracts` (derived from the zod schemas, never
 * copied). Those modules reach `shared/domain/roles.ts`, which hashes with `node:crypto`; the
 * browser type check has no Node types, so this names the one function it uses. esbuild drops
 * type-only imports, and a value import of `node:crypto` from web code fails the build.
 */
declare module 'node:crypto' {
  export function createHash(algorithm: string): {
    update(data: string): { digest(encoding: 'hex'): string };
  };
}
