import { assessHealth } from '../health';
import { formatRef } from '../kube/format';
import type { KubeClient, ObjectRef } from '../kube/types';
import { UnknownKindError } from '../kube/errors';
import { errorMessage, settleAll, sleep } from './concurrency';
import { ObjectHealthReport, WaitError } from './errors';
import type { WaitOptions } from './types';

export const DEFAULT_WAIT_TIMEOUT_MS = 60_000;
export const DEFAULT_WAIT_INTERVAL_MS = 2_000;

/**
 * Polls the objects' health until all are Current. Fails at the timeout, or as soon as every object is either
 * Current or Failed (a Failed object does not recover on its own), or at the first Failed one with `failFast`.
 */
export async function waitForObjects(
  client: KubeClient,
  refs: ObjectRef[],
  options: WaitOptions = {},
  concurrency = 4,
): Promise<ObjectHealthReport[]> {
  const timeout = options.timeout ?? DEFAULT_WAIT_TIMEOUT_MS;
  const interval = Math.max(options.interval ?? DEFAULT_WAIT_INTERVAL_MS, 10);
  if (!Number.isFinite(timeout) || timeout < 0) throw new Error(`invalid wait timeout ${timeout}`);
  const deadline = Date.now() + timeout;

  for (;;) {
    const reports = await poll(client, refs, concurrency);
    const notCurrent = reports.filter(report => report.status !== 'Current');
    if (notCurrent.length === 0) return reports;
    const failedReports = notCurrent.filter(report => report.status === 'Failed');
    if (failedReports.length > 0 && (options.failFast || failedReports.length === notCurrent.length)) {
      throw new WaitError('failed', notCurrent);
    }
    if (options.signal?.aborted) throw new WaitError('aborted', notCurrent);
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new WaitError('timeout', notCurrent);
    await sleep(Math.min(interval, remaining), options.signal);
  }
}

async function poll(client: KubeClient, refs: ObjectRef[], concurrency: number): Promise<ObjectHealthReport[]> {
  const settled = await settleAll(refs, concurrency, async ref => {
    const live = await client.get(ref);
    if (!live) return { status: 'NotFound' as const, message: 'object not found' };
    return assessHealth(live);
  });
  return settled.map((result, index) => {
    const subject = formatRef(refs[index]);
    if (result.ok) return { subject, ...result.value };
    // An unknown kind cannot have objects yet; anything else is reported and retried.
    const status = result.error instanceof UnknownKindError ? ('NotFound' as const) : ('Unknown' as const);
    return { subject, status, message: errorMessage(result.error) };
  });
}
