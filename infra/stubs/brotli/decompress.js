/**
 * fontkit loads brotli only to read WOFF2 fonts. The PDFs embed TTF files (DejaVu Sans), so the
 * 486 KB decoder is replaced by this stub in the Lambda bundles (see infra/bundling.ts).
 */
export default function decompress() {
  throw new Error('WOFF2 fonts are not supported in this bundle; embed TTF files');
}
