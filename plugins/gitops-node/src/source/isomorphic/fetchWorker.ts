import { parentPort, workerData } from 'node:worker_threads';
import { GitError } from '../errors';
import { IsomorphicFetchJob, runIsomorphicFetch } from './isomorphicFetch';

/** What the worker posts back: the outcome, or a classified error as plain data. */
export type WorkerReply =
  | { ok: { receivedBytes: number } }
  | { error: { kind: GitError['kind']; message: string } };

/** Entry of the fetch worker thread (started by `fetchInWorker`): runs one job and posts the reply. */
export async function workerMain(): Promise<void> {
  const { job, timeoutMs } = workerData as {
    job: IsomorphicFetchJob;
    timeoutMs: number;
  };
  let reply: WorkerReply;
  try {
    reply = {
      ok: await runIsomorphicFetch(job, {
        cache: {},
        signal: AbortSignal.timeout(Math.max(1, timeoutMs)),
      }),
    };
  } catch (error) {
    const classified =
      error instanceof GitError
        ? error
        : new GitError('invalid', (error as Error)?.message ?? String(error));
    reply = { error: { kind: classified.kind, message: classified.message } };
  }
  parentPort!.postMessage(reply);
}
