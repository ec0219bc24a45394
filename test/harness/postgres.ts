import { execFile, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './corpora';
import { onProcessExit, removeOnExit, startWatchdog } from './managedProcess';

const execFileAsync = promisify(execFile);

export interface PostgresServer {
  /** postgresql://postgres@127.0.0.1:PORT (trust authentication, loopback only) */
  url: string;
  stop(): Promise<void>;
}

/** initdb + pg_ctl start under a fresh temp dir, through scripts/start-postgres.sh (runuser -u postgres as root). */
export async function startPostgres(): Promise<PostgresServer> {
  const dir = await mkdtemp(join(tmpdir(), 'gitops-pg-'));
  const forgetDir = removeOnExit(dir);
  const startScript = join(repoRoot(), 'scripts', 'start-postgres.sh');
  const stopScript = join(repoRoot(), 'scripts', 'stop-postgres.sh');
  const stopSync = () =>
    spawnSync('bash', [stopScript, dir], { stdio: 'ignore', timeout: 30_000 });
  const forgetStop = onProcessExit(stopSync);

  let url: string;
  try {
    const { stdout } = await execFileAsync('bash', [startScript, dir], {
      timeout: 120_000,
    });
    url = stdout.trim();
  } catch (error) {
    const err = error as { stderr?: string; message: string };
    forgetStop();
    stopSync();
    await rm(dir, { recursive: true, force: true });
    forgetDir();
    throw new Error(
      `Could not start PostgreSQL: ${err.stderr?.trim() || err.message}`,
    );
  }

  // The postmaster's pid is the first line of postmaster.pid; SIGINT is PostgreSQL's fast shutdown.
  const postmasterPid = readFileSync(
    join(dir, 'data', 'postmaster.pid'),
    'utf8',
  )
    .split('\n')[0]
    .trim();
  const watchdog = startWatchdog(postmasterPid, 'INT');

  return {
    url,
    stop: async () => {
      try {
        await execFileAsync('bash', [stopScript, dir], { timeout: 60_000 });
      } finally {
        watchdog.kill('SIGKILL');
        forgetStop();
        await rm(dir, { recursive: true, force: true });
        forgetDir();
      }
    },
  };
}
