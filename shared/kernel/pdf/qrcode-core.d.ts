/**
 * The encoder of the `qrcode` package without its PNG, SVG and terminal renderers (and pngjs):
 * a PDF draws the modules itself, and the renderers would add about 40 KB to the bundle.
 * Same function as `QRCode.create`, so it carries the same types.
 */
declare module 'qrcode/lib/core/qrcode.js' {
  export { create } from 'qrcode';
}
