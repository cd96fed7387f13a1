/**
 * The fonts PDFs embed: DejaVu Sans, cut down at build time to the scripts names are written in
 * (Latin with every accent Indonesian, Vietnamese and European names use, Greek, Cyrillic) and the
 * signs the documents print (✓, punctuation, arrows). A third of the full font: it is parsed and
 * embedded on every cold start, so the first PDF costs little more than the next.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import subsetFont from 'subset-font';

const require = createRequire(import.meta.url);

/** Where the full DejaVu fonts come from: the `dejavu-fonts-ttf` package. */
export const fontsSourceDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** The font files PDFs embed; only these are shipped with the functions that draw PDFs. */
export const pdfFontFiles = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'] as const;

/** Unicode blocks kept in the cut-down fonts. */
const KEPT_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x20, 0x7e], // Basic Latin
  [0xa0, 0x2ff], // Latin-1, Latin Extended-A and -B, IPA, spacing modifiers
  [0x300, 0x36f], // combining accents (names typed with separate marks)
  [0x370, 0x3ff], // Greek
  [0x400, 0x4ff], // Cyrillic
  [0x1e00, 0x1eff], // Latin Extended Additional (Vietnamese)
  [0x2000, 0x206f], // general punctuation (’ “ ” – —)
  [0x20a0, 0x20cf], // currency (Rp is Latin; € and friends here)
  [0x2100, 0x214f], // letterlike symbols (№)
  [0x2190, 0x22ff], // arrows, mathematical operators
  [0x25a0, 0x25ff], // geometric shapes
  [0x2700, 0x27bf], // dingbats (✓ ✗)
];

function keptText(): string {
  let text = '';
  for (const [from, to] of KEPT_RANGES) for (let code = from; code <= to; code++) text += String.fromCodePoint(code);
  return text;
}

/**
 * Writes the cut-down fonts into `outDir` (once: a second call with the same sources and ranges
 * finds them there) and answers the folder, for the functions' bundles and the local stack alike.
 */
export async function buildPdfFonts(outDir: string): Promise<string> {
  const text = keptText();
  mkdirSync(outDir, { recursive: true });
  for (const file of pdfFontFiles) {
    const source = readFileSync(join(fontsSourceDir, file));
    const stamp = createHash('sha256').update(source).update(text).digest('hex').slice(0, 16);
    const target = join(outDir, file);
    const marker = `${target}.${stamp}`;
    if (existsSync(target) && existsSync(marker)) continue;
    writeFileSync(target, await subsetFont(source, text, { targetFormat: 'truetype' }));
    writeFileSync(marker, '');
  }
  return outDir;
}
