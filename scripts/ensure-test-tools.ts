/**
 * The tests drive real tools from Debian's packages: Chromium for the pages (never a downloaded
 * browser), poppler's pdftoppm to render PDFs to images and tesseract to read those images back.
 * If one is missing, install it when running as root (CI, fresh machines); otherwise stop with one
 * line saying how. Tests are never skipped silently.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const tools: Array<{ path: string; packages: string[] }> = [
  { path: '/usr/bin/chromium', packages: ['chromium', 'fonts-dejavu-core'] },
  { path: '/usr/bin/pdftoppm', packages: ['poppler-utils'] },
  { path: '/usr/bin/tesseract', packages: ['tesseract-ocr', 'tesseract-ocr-eng'] },
];

const missing = tools.filter((tool) => !existsSync(tool.path));
if (missing.length > 0) {
  const packages = missing.flatMap((tool) => tool.packages);
  if (process.getuid?.() !== 0) {
    console.error(`The tests need ${packages.join(', ')}: run \`sudo apt-get install -y ${packages.join(' ')}\`.`);
    process.exit(1);
  }
  console.log(`Installing ${packages.join(', ')} (Debian packages) for the tests...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
  const still = missing.filter((tool) => !existsSync(tool.path));
  if (still.length > 0) {
    console.error(`Installed, but ${still.map((tool) => tool.path).join(', ')} is still missing.`);
    process.exit(1);
  }
}
