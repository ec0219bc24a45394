import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../../harness/freePort';
import { ManagedProcess, removeOnExit, startManagedProcess } from '../../harness/managedProcess';
import { backendDir, repoRoot } from './paths';

const READY_TIMEOUT_MS = 120_000;

export interface PortalBackend {
  baseUrl: string;
  process: ManagedProcess;
  stop(): Promise<void>;
}

/**
 * Starts packages/backend from source, as `backstage-cli repo start` does (cwd packages/backend), on a free
 * port, with SQLite in a temp dir, the example catalog, and the built app served at the same address.
 * `extraConfig` is merged last (e.g. a `gitops:` section).
 */
export async function startPortalBackend(extraConfig: Record<string, unknown> = {}): Promise<PortalBackend> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dir = await mkdtemp(join(tmpdir(), 'gitops-portal-e2e-'));
  const forget = removeOnExit(dir);
  const config = {
    app: { baseUrl },
    backend: {
      baseUrl,
      listen: { host: '127.0.0.1', port },
      cors: { origin: baseUrl },
      database: { client: 'better-sqlite3', connection: { directory: join(dir, 'sqlite') } },
    },
    catalog: {
      locations: [{ type: 'file', target: resolve(repoRoot, 'examples', 'all.yaml') }],
    },
    ...extraConfig,
  };
  // JSON is YAML: no YAML writer needed.
  const configFile = join(dir, 'app-config.e2e.yaml');
  await writeFile(configFile, JSON.stringify(config, null, 2));

  const transform = require.resolve('@backstage/cli-node/config/nodeTransform.cjs', { paths: [backendDir] });
  const child = startManagedProcess(
    'portal backend',
    process.execPath,
    [
      '--require',
      transform,
      'src/index.ts',
      '--config',
      resolve(repoRoot, 'app-config.yaml'),
      '--config',
      configFile,
    ],
    // The guest sign-in provider only works in development mode.
    { cwd: backendDir, env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn' } },
  );

  const stop = async () => {
    await child.stop();
    await rm(dir, { recursive: true, force: true });
    forget();
  };
  try {
    await waitUntilReady(baseUrl, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, process: child, stop };
}

async function waitUntilReady(baseUrl: string, child: ManagedProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let exitedWith: string | undefined;
  void child.exited.then(code => {
    exitedWith = code;
  });
  while (Date.now() < deadline) {
    if (exitedWith !== undefined) {
      throw new Error(`the portal backend exited (${exitedWith}) before it was ready:\n${child.outputTail()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/.backstage/health/v1/readiness`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise(resolveWait => setTimeout(resolveWait, 500));
  }
  throw new Error(`the portal backend was not ready within ${READY_TIMEOUT_MS / 1000} s:\n${child.outputTail()}`);
}
