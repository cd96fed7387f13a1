/**
 * QR codes drawn as vector squares, so they print sharp at any size and need no raster image
 * (and no PNG encoder in the bundle). Error correction M: a printed BAST gets folded, stamped and
 * photographed in poor light; M restores about 15% of damaged modules at a modest size.
 */
import { create } from 'qrcode/lib/core/qrcode.js';
import type { PdfDocument } from './document.ts';

/** The light margin a reader needs around the symbol, in modules (ISO/IEC 18004 asks for 4). */
export const QUIET_ZONE = 4;

/** The modules of a QR symbol: `size` × `size`, dark or light. */
export interface QrMatrix {
  size: number;
  isDark(row: number, column: number): boolean;
}

/** A horizontal stretch of dark modules in one row. */
export interface DarkRun {
  row: number;
  column: number;
  length: number;
}

/** Encodes text (a URL) as a QR symbol with error correction level M. */
export function qrMatrix(text: string): QrMatrix {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, isDark: (row, column) => modules.get(row, column) === 1 };
}

/**
 * The dark modules merged into horizontal runs. One rectangle per run rather than per module:
 * fewer path operations, and no hairline seams between neighbours where a viewer anti-aliases.
 */
export function darkRuns(matrix: QrMatrix): DarkRun[] {
  const runs: DarkRun[] = [];
  for (let row = 0; row < matrix.size; row++) {
    let start = -1;
    for (let column = 0; column <= matrix.size; column++) {
      const dark = column < matrix.size && matrix.isDark(row, column);
      if (dark && start < 0) start = column;
      if (!dark && start >= 0) {
        runs.push({ row, column: start, length: column - start });
        start = -1;
      }
    }
  }
  return runs;
}

/** Where a drawn QR code sits, and at what scale. */
export interface DrawnQr {
  /** Modules per side, without the quiet zone. */
  modules: number;
  /** Side of one module in points. */
  moduleSize: number;
  /** The symbol with its quiet zone: a square of side `size` at (x, y). */
  x: number;
  y: number;
  size: number;
}

/**
 * Draws `text` as a QR code filling a square of side `size` at (x, y), quiet zone included (the
 * square is painted white so a tinted background cannot eat it). All runs go into one path and
 * one fill.
 */
export function drawQrCode(doc: PdfDocument, text: string, at: { x: number; y: number; size: number }): DrawnQr {
  const matrix = qrMatrix(text);
  const moduleSize = at.size / (matrix.size + 2 * QUIET_ZONE);
  const origin = { x: at.x + QUIET_ZONE * moduleSize, y: at.y + QUIET_ZONE * moduleSize };
  doc.save();
  doc.rect(at.x, at.y, at.size, at.size).fill('#ffffff');
  for (const run of darkRuns(matrix)) {
    doc.rect(origin.x + run.column * moduleSize, origin.y + run.row * moduleSize, run.length * moduleSize, moduleSize);
  }
  doc.fill('#000000');
  doc.restore();
  return { modules: matrix.size, moduleSize, x: at.x, y: at.y, size: at.size };
}
