import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { GitError } from '../errors';
import type { WorkerReply } from './fetchWorker';
import { IsomorphicFetchJob, IsomorphicFetchOutcome } from './isomorphicFetch';

/** Loads the worker module; TypeScript sources (tests, running from source) get Backstage's transform first. */
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
if (workerData.transform) require(workerData.transform);
require(workerData.entry).workerMain();
`;

/** The worker's module next to this one, or undefined when bundled into one file (then fetches run in-process). */
export function workerEntry():
  | { entry: string; transform?: string }
  | undefined {
  const extension = path.extname(__filename);
  const entry = path.join(__dirname, `fetchWorker${extension}`);
  if (!existsSync(entry)) return undefined;
  if (extension !== '.ts') return { entry };
  try {
    return {
      entry,
      transform: require.resolve(
        '@backstage/cli-node/config/nodeTransform.cjs',
      ),
    };
  } catch {
    return undefined;
  }
}

/**
 * Runs an isomorphic-git fetch in a worker thread with a heap limit, so a repository too big for memory
 * fails its own fetch with a clear error instead of taking the process down, and a timeout can stop even
 * the CPU-bound pack indexing (the thread is terminated).
 */
export function fetchInWorker(
  job: IsomorphicFetchJob,
  options: {
    memoryMb: number;
    timeoutMs: number;
    signal: AbortSignal;
    entry: { entry: string; transform?: string };
  },
): Promise<IsomorphicFetchOutcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData: { ...options.entry, job, timeoutMs: options.timeoutMs },
      resourceLimits: {
        maxOldGenerationSizeMb: options.memoryMb,
        maxYoungGenerationSizeMb: Math.max(4, Math.floor(options.memoryMb / 8)),
      },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const finish = (
      error: GitError | undefined,
      outcome?: IsomorphicFetchOutcome,
    ) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      void worker.terminate();
      if (error) reject(error);
      else resolve(outcome!);
    };
    const timer = setTimeout(
      () =>
        finish(
          new GitError(
            'timeout',
            `${job.url}: fetch did not finish within ${options.timeoutMs} ms`,
          ),
        ),
      Math.max(1, options.timeoutMs),
    );
    const onAbort = () =>
      finish(new GitError('timeout', `${job.url}: fetch was cancelled`));
    if (options.signal.aborted) onAbort();
    options.signal.addEventListener('abort', onAbort, { once: true });
    worker.stdout.resume();
    worker.stderr.resume();
    worker.on('message', (reply: WorkerReply) => {
      if ('ok' in reply) finish(undefined, reply.ok);
      else finish(new GitError(reply.error.kind, reply.error.message));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        finish(
          new GitError(
            'too-large',
            `${job.url}: fetching needed more than the ${options.memoryMb} MB memory limit of the git worker`,
          ),
        );
      } else {
        finish(
          new GitError(
            'invalid',
            `${job.url}: the git worker failed: ${error.message}`,
          ),
        );
      }
    });
    worker.on('exit', code => {
      finish(
        new GitError(
          'invalid',
          `${job.url}: the git worker stopped (exit code ${code}) without an answer`,
        ),
      );
    });
  });
}
