/**
 * Reading PDFs as a person or a phone would: the text (pdftotext), the pages rendered to PNG
 * (pdftoppm, kept in test-artifacts/ to be looked at) and the QR codes a camera reads from them.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

const run = promisify(execFile);
export const artifacts = join(process.cwd(), 'test-artifacts');

/** Keeps a PDF under test-artifacts/ as `<name>.pdf`; answers its path. */
export function keepPdf(name: string, bytes: Uint8Array): string {
  mkdirSync(artifacts, { recursive: true });
  const file = join(artifacts, `${name}.pdf`);
  writeFileSync(file, bytes);
  return file;
}

/** The text of each page, as pdftotext reads it (spaces joined). */
export async function pageTexts(file: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', [file, '-']);
  return stdout
    .split('\f')
    .slice(0, -1)
    .map((page) => page.replace(/\s+/g, ' ').trim());
}

/** The page count and size pdfinfo reports. */
export async function pdfInfo(file: string): Promise<{ pages: number; size: string }> {
  const { stdout } = await run('pdfinfo', [file]);
  return {
    pages: Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1] ?? 0),
    size: /^Page size:\s+(.+)$/m.exec(stdout)?.[1] ?? '',
  };
}

/** Renders one page to `<file>-<page>.png` (150 dpi); answers the PNG's path. */
export async function renderPage(file: string, page: number): Promise<string> {
  const prefix = `${file.replace(/\.pdf$/, '')}-${page}`;
  await run('pdftoppm', ['-r', '150', '-png', '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
  return `${prefix}.png`;
}

/** What a phone reads from a QR code in a PNG (or a part of it: x, y, width, height as fractions). */
export function readQr(png: string, part = { x: 0, y: 0, width: 1, height: 1 }): string | undefined {
  const image = PNG.sync.read(readFileSync(png));
  const x0 = Math.floor(part.x * image.width);
  const y0 = Math.floor(part.y * image.height);
  const width = Math.floor(part.width * image.width);
  const height = Math.floor(part.height * image.height);
  const pixels = new Uint8ClampedArray(width * height * 4);
  for (let row = 0; row < height; row++) {
    const from = ((y0 + row) * image.width + x0) * 4;
    pixels.set(image.data.subarray(from, from + width * 4), row * width * 4);
  }
  return jsQR(pixels, width, height)?.data;
}
