import { GitError } from './errors';

export const DEFAULT_TIMEOUT_MS = 60_000;

/** One time budget for an operation made of several steps, cancellable by the caller's signal. */
export class Deadline {
  readonly signal: AbortSignal;
  private readonly endsAt: number;

  constructor(
    readonly timeoutMs: number = DEFAULT_TIMEOUT_MS,
    callerSignal?: AbortSignal,
  ) {
    this.endsAt = Date.now() + timeoutMs;
    const timer = AbortSignal.timeout(Math.max(1, timeoutMs));
    this.signal = callerSignal ? AbortSignal.any([timer, callerSignal]) : timer;
  }

  /** Time left, or a `timeout` error when there is none. */
  remainingMs(what: string): number {
    const left = this.endsAt - Date.now();
    if (left <= 0 || this.signal.aborted) throw this.error(what);
    return left;
  }

  error(what: string): GitError {
    const timedOut = Date.now() >= this.endsAt;
    return new GitError(
      'timeout',
      timedOut
        ? `${what} did not finish within ${this.timeoutMs} ms`
        : `${what} was cancelled`,
    );
  }
}
