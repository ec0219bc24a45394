import { KubeApiError } from '../kube/errors';

export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

/** Runs `work` over the items with at most `limit` in flight; every item settles, in input order. */
export async function settleAll<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<Settled<R>[]> {
  const results = new Array<Settled<R>>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      try {
        results[index] = { ok: true, value: await work(items[index]) };
      } catch (error) {
        results[index] = { ok: false, error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/** The message of an error; for apiserver errors the shortened one, without the request line. */
export function errorMessage(error: unknown): string {
  if (error instanceof KubeApiError) return error.summary;
  return error instanceof Error ? error.message : String(error);
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise(resolve => {
    if (signal?.aborted) {
      resolve();
      return;
    }
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
