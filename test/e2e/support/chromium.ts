import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags for a quiet, offline-friendly headless Chromium on a CI box running as root. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Debian's chromium, never a downloaded browser. Missing under CI=true is a failure (the CI script installs
 * it); elsewhere the browser tests are skipped with a loud notice.
 */
export function findChromium(): { path?: string; skipReason?: string } {
  if (existsSync(CHROMIUM_PATH)) return { path: CHROMIUM_PATH };
  const reason = `${CHROMIUM_PATH} not found: install it with \`apt-get update && apt-get install -y chromium\``;
  if (process.env.CI === 'true') {
    throw new Error(`${reason} (CI=true, so the browser test cannot be skipped)`);
  }
  return { skipReason: reason };
}
