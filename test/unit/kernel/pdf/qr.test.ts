/**
 * The QR code on the BAST is drawn module by module with pdfkit. These tests hold the drawing to
 * the encoder: the same matrix, every dark module drawn exactly once, and a printed code that a
 * reader decodes back to the text.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { fontsSourceDir } from '#infra/fonts.ts';
import { darkRuns, drawQrCode, QUIET_ZONE, qrMatrix } from '#shared/kernel/pdf/qr.ts';

const run = promisify(execFile);
// What a deployed BAST carries: an API Gateway address in Jakarta and a 26-character receipt code.
const PRODUCTION_URL = 'https://a1b2c3d4e5.execute-api.ap-southeast-3.amazonaws.com/terima/01HZX3K7Q8M9N0P1R2S3T4V5W6';

describe('the QR matrix', () => {
  test('is the encoder’s own, at error correction M', () => {
    // Prepare
    const expected = QRCode.create(PRODUCTION_URL, { errorCorrectionLevel: 'M' }).modules;
    // Act
    const matrix = qrMatrix(PRODUCTION_URL);
    // Assess
    expect(matrix.size).toBe(expected.size);
    for (let row = 0; row < matrix.size; row++) {
      for (let column = 0; column < matrix.size; column++) {
        expect(matrix.isDark(row, column)).toBe(expected.get(row, column) === 1);
      }
    }
  });

  test('runs cover every dark module exactly once and no light one, for any text', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 120 }), (text) => {
        const matrix = qrMatrix(text);
        const painted = new Set<string>();
        for (const run of darkRuns(matrix)) {
          expect(run.length).toBeGreaterThan(0);
          for (let column = run.column; column < run.column + run.length; column++) {
            const key = `${run.row}:${column}`;
            expect(painted.has(key)).toBe(false);
            painted.add(key);
          }
        }
        let dark = 0;
        for (let row = 0; row < matrix.size; row++) {
          for (let column = 0; column < matrix.size; column++) {
            if (matrix.isDark(row, column)) {
              dark++;
              expect(painted.has(`${row}:${column}`)).toBe(true);
            }
          }
        }
        expect(painted.size).toBe(dark);
      }),
      { numRuns: 40 },
    );
  });
});

describe('the drawn QR code', () => {
  test('has as many modules per side as the encoder, plus the quiet zone, filling the square asked for', async () => {
    // Prepare
    process.env.FONTS_DIR ??= fontsSourceDir;
    const { createPdf, renderPdf } = await import('#shared/kernel/pdf/document.ts');
    const doc = createPdf({ title: 'QR', author: 'test', lang: 'id' });
    // Act
    const drawn = drawQrCode(doc, PRODUCTION_URL, { x: 100, y: 100, size: 88 });
    await renderPdf(doc);
    // Assess
    const modules = QRCode.create(PRODUCTION_URL, { errorCorrectionLevel: 'M' }).modules.size;
    expect(drawn.modules).toBe(modules);
    expect(drawn.moduleSize * (modules + 2 * QUIET_ZONE)).toBeCloseTo(88, 6);
    // A module must stay printable: about half a millimetre (1.4 pt) at least.
    expect(drawn.moduleSize).toBeGreaterThan(1.4);
  });

  test('decodes back to the production-length receipt URL once printed at 150 dpi', async () => {
    // Prepare
    process.env.FONTS_DIR ??= fontsSourceDir;
    const { createPdf, renderPdf } = await import('#shared/kernel/pdf/document.ts');
    const doc = createPdf({ title: 'QR', author: 'test', lang: 'id' });
    drawQrCode(doc, PRODUCTION_URL, { x: 60, y: 60, size: 88 });
    const dir = mkdtempSync(join(tmpdir(), 'siap-qr-'));
    writeFileSync(join(dir, 'qr.pdf'), await renderPdf(doc));
    // Act
    await run('pdftoppm', ['-r', '150', '-png', '-singlefile', join(dir, 'qr.pdf'), join(dir, 'qr')]);
    const png = PNG.sync.read(readFileSync(join(dir, 'qr.png')));
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    // Assess
    expect(decoded?.data).toBe(PRODUCTION_URL);
  });
});
