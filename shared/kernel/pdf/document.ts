/**
 * The PDF documents of SIAP (the daftar hadir now, the BAST handover record later) share one
 * page setup and one embedded Unicode font, so a name like "Đặng Văn Lâm" or "Dr. Elvira Ñañez"
 * prints as written and is searchable as text.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument, * as pdfkit from 'pdfkit';
import { fontsDir } from '#shared/kernel/config.ts';

export type PdfDocument = PDFKit.PDFDocument;

/** Names of the two faces, registered on every document. */
export const FONT = { regular: 'DejaVuSans', bold: 'DejaVuSans-Bold' } as const;

/** A4 portrait with room at the bottom for the page number. */
export const PAGE_MARGINS = { top: 36, bottom: 50, left: 34, right: 34 } as const;

/** Same names as `pdfFontFiles` in infra/fonts.ts, which copies them beside the bundle. */
const FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

// pdfkit 0.18+ exports `registerFile` (serve a path from memory); @types/pdfkit does not declare it yet.
const { registerFile } = pdfkit as unknown as { registerFile?: (path: string, data: Uint8Array) => void };

let fontPaths: { regular: string; bold: string } | undefined;

/**
 * The font files' paths. Their bytes are read once per cold start and handed to pdfkit's file
 * registry, so every later document reads them from memory. In Lambda the fonts sit in `fonts/`
 * beside the bundle; locally FONTS_DIR points into node_modules.
 */
export function pdfFonts(): { regular: string; bold: string } {
  if (fontPaths) return fontPaths;
  const dir = fontsDir() ?? join(dirname(fileURLToPath(import.meta.url)), 'fonts');
  const paths = { regular: join(dir, FONT_FILES.regular), bold: join(dir, FONT_FILES.bold) };
  if (registerFile) {
    for (const path of Object.values(paths)) registerFile(path, readFileSync(path));
  } else {
    // Without the registry pdfkit reads the path itself; fail now, not mid-document, if it is absent.
    for (const path of Object.values(paths)) readFileSync(path);
  }
  fontPaths = paths;
  return paths;
}

export interface PdfInfo {
  title: string;
  author: string;
  subject?: string;
  lang: 'id' | 'en';
  /** Portrait unless said (certificates are landscape). */
  layout?: 'portrait' | 'landscape';
}

/**
 * A new A4 document (portrait unless asked) with DejaVu Sans as its default face. The `font` option matters:
 * without it pdfkit opens Helvetica's AFM files, which are not in the Lambda bundle. Pages are
 * buffered so page numbers ("Halaman 1 dari 5") can be stamped once the total is known.
 */
export function createPdf(info: PdfInfo): PdfDocument {
  const fonts = pdfFonts();
  const doc = new PDFDocument({
    size: 'A4',
    layout: info.layout ?? 'portrait',
    margins: { ...PAGE_MARGINS },
    font: fonts.regular,
    bufferPages: true,
    lang: info.lang === 'id' ? 'id-ID' : 'en',
    displayTitle: true,
    // pdfkit reads every info entry's value to derive the file id: an undefined Subject would throw.
    info: {
      Title: info.title,
      Author: info.author,
      ...(info.subject ? { Subject: info.subject } : {}),
      Creator: 'SIAP Pilkades',
    },
  });
  doc.registerFont(FONT.regular, fonts.regular);
  doc.registerFont(FONT.bold, fonts.bold);
  doc.font(FONT.regular);
  return doc;
}

/**
 * Draws on every page once the document is complete (page numbers, running footers). The bottom
 * margin is lifted while drawing, or pdfkit would start a new page for text written inside it.
 */
export function stampPages(doc: PdfDocument, draw: (page: number, total: number) => void): void {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    draw(index - start + 1, count);
    doc.page.margins.bottom = bottom;
  }
}

/** Ends the document and answers its bytes. */
export function renderPdf(doc: PdfDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** Width of the writable area of the current page. */
export function contentWidth(doc: PdfDocument): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** Lowest y that content may reach on the current page. */
export function contentBottom(doc: PdfDocument): number {
  return doc.page.height - doc.page.margins.bottom;
}
