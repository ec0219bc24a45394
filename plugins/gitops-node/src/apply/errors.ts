import type { HealthStatus } from '../health';
import type { ChangeSet } from './types';

export interface ObjectFailure {
  subject: string;
  message: string;
}

/** Apply or delete failed for some objects; each failure names its object. */
export class ApplyError extends Error {
  constructor(
    readonly summary: string,
    readonly failures: ObjectFailure[],
    /** What was done before the failure. */
    readonly changeSet: ChangeSet,
  ) {
    super(`${summary}:\n${failures.map(failure => `${failure.subject}: ${failure.message}`).join('\n')}`);
    this.name = 'ApplyError';
  }
}

export interface ObjectHealthReport {
  subject: string;
  status: HealthStatus | 'NotFound';
  message: string;
}

/** Objects did not all become Current. */
export class WaitError extends Error {
  constructor(
    readonly reason: 'timeout' | 'failed' | 'aborted',
    /** The objects that were not Current at the end, with their last status. */
    readonly notReady: ObjectHealthReport[],
  ) {
    const prefix =
      reason === 'timeout'
        ? 'timeout waiting for'
        : reason === 'failed'
          ? 'failed early due to failed resources'
          : 'wait aborted with';
    super(`${prefix}: [${notReady.map(report => `${report.subject} status: '${report.status}': ${report.message}`).join(', ')}]`);
    this.name = 'WaitError';
  }
}
