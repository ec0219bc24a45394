import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { appDir, repoRoot } from './paths';

const BUILD_TIMEOUT_MS = 5 * 60_000;

/** Everything the bundle is built from; a newer file than the bundle means it must be rebuilt. */
const SOURCES = [
  resolve(appDir, 'src'),
  resolve(appDir, 'public'),
  resolve(appDir, 'package.json'),
  resolve(repoRoot, 'plugins', 'gitops-frontend', 'src'),
  resolve(repoRoot, 'plugins', 'gitops-common', 'src'),
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function appBundleIsFresh(): boolean {
  const index = resolve(appDir, 'dist', 'index.html');
  if (!existsSync(index)) return false;
  const built = statSync(index).mtimeMs;
  return SOURCES.every(source => newestMtime(source) <= built);
}

/**
 * Builds packages/app into packages/app/dist (served by plugin-app-backend) unless the bundle is newer than
 * its sources. A production bundle served by the backend is one process and no dev server: lighter on a
 * 2-core machine than `backstage-cli package start`, and what production runs.
 */
export async function ensureAppBuilt(log: (line: string) => void = console.log): Promise<void> {
  if (appBundleIsFresh()) {
    log('packages/app/dist is newer than its sources: reusing it');
    return;
  }
  const started = Date.now();
  const cli = require.resolve('@backstage/cli/bin/backstage-cli', { paths: [appDir] });
  await new Promise<void>((resolveBuild, reject) => {
    const child = spawn(process.execPath, [cli, 'package', 'build'], {
      cwd: appDir,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-8000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => child.kill('SIGKILL'), BUILD_TIMEOUT_MS);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolveBuild();
      else reject(new Error(`building packages/app failed (${signal ?? `exit ${code}`}):\n${output}`));
    });
  });
  log(`built packages/app in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
