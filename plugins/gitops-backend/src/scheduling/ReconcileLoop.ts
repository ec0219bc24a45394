import { LoggerService } from '@backstage/backend-plugin-api';
import { formatObjectId } from '@internal/plugin-gitops-common';
import { ReconcileRunner } from '../reconcile/ReconcileRunner';
import { ClaimedWork, WorkQueue } from './WorkQueue';

export interface ReconcileLoopOptions {
  queue: WorkQueue;
  runner: ReconcileRunner;
  logger: LoggerService;
  /** Identifies this replica in leases. */
  owner: string;
  /** Reconciles running at once in this replica. */
  concurrency: number;
  /** Lease length; renewed at a third of it while a reconcile runs. */
  leaseMs: number;
}

/**
 * Pulls due work from the shared queue and runs it, up to `concurrency` at a time. `tick()` is what the
 * Backstage scheduler calls: it claims what fits and returns without waiting for long reconciles.
 */
export class ReconcileLoop {
  private readonly running = new Map<string, Promise<void>>();
  private stopped = false;

  constructor(private readonly options: ReconcileLoopOptions) {}

  get activeCount(): number {
    return this.running.size;
  }

  async tick(): Promise<number> {
    if (this.stopped) return 0;
    const free = this.options.concurrency - this.running.size;
    if (free <= 0) return 0;
    const claimed = await this.options.queue.claim(this.options.owner, free, this.options.leaseMs);
    for (const work of claimed) {
      const key = formatObjectId(work.id);
      const run = this.execute(work).finally(() => this.running.delete(key));
      this.running.set(key, run);
    }
    return claimed.length;
  }

  /** Stops claiming and waits for the reconciles under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.allSettled(this.running.values());
  }

  /** Waits for the reconciles under way (tests use this to observe a quiet replica). */
  async idle(): Promise<void> {
    await Promise.allSettled(this.running.values());
  }

  private async execute(work: ClaimedWork): Promise<void> {
    const { queue, runner, logger, owner, leaseMs } = this.options;
    const renewal = setInterval(() => {
      queue.renew(work.id, owner, leaseMs).catch(error => logger.warn(`lease renewal failed: ${error}`));
    }, Math.max(1000, Math.floor(leaseMs / 3)));
    let nextRunInMs = 60_000;
    try {
      const next = await runner.run(work.id, {
        trigger: work.requestedAt ? 'user' : 'schedule',
        requestedAt: work.requestedAt,
      });
      if (next === undefined) return; // the object is gone, and its work item with it
      nextRunInMs = next;
    } catch (error) {
      logger.error(`reconcile of ${formatObjectId(work.id)} failed unexpectedly: ${error}`);
    } finally {
      clearInterval(renewal);
    }
    await queue.release(work.id, owner, nextRunInMs, work.requestedAt).catch(error =>
      logger.warn(`releasing ${formatObjectId(work.id)} failed: ${error}`),
    );
  }
}
