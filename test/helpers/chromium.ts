// Which Chromium the browser tests drive: Debian's package where it is installed (CI installs it with CJK
// fonts), else the build shipped in the npm package @sparticuz/chromium, so `npm test` passes on a fresh
// machine. Playwright never downloads a browser here.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's Chromium (package `chromium`). */
export const debianChromium = '/usr/bin/chromium';

/** Flags for a headless Chromium on a closed network, run as root. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The executable to launch: Debian's when present, else the npm-shipped one (unpacked on first use). */
export async function chromiumExecutable(): Promise<{ path: string; source: 'debian' | 'npm' }> {
  if (existsSync(debianChromium)) return { path: debianChromium, source: 'debian' };
  const { default: packaged } = await import('@sparticuz/chromium');
  return { path: await packaged.executablePath(), source: 'npm' };
}

/**
 * Where a test writes its screenshots: a fresh temporary folder, so tests never touch the committed
 * pictures in docs/. `npm run docs:screenshots` sets SCREENSHOT_DIR=docs to refresh those on purpose.
 */
export function screenshotDir(): string {
  return process.env.SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'legal-review-shots-'));
}
