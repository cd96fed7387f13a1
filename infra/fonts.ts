import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Where the DejaVu fonts come from: the `dejavu-fonts-ttf` package. */
export const fontsSourceDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** The font files PDFs embed; only these are shipped with the functions that draw PDFs. */
export const pdfFontFiles = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'] as const;
