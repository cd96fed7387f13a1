/**
 * Browser tests drive Debian's Chromium (never a downloaded browser). If it is missing, install
 * it when running as root (CI, fresh machines); otherwise stop with one line saying how.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() !== 0) {
    console.error('Browser tests need Chromium: run `sudo apt-get install -y chromium`, then `npm test` again.');
    process.exit(1);
  }
  console.log('Installing Chromium (Debian package) for the browser tests...');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-dejavu-core'], {
    stdio: 'inherit',
    env,
  });
  if (!existsSync(CHROMIUM)) {
    console.error(`Chromium was installed but ${CHROMIUM} is missing; browser tests cannot run.`);
    process.exit(1);
  }
}
