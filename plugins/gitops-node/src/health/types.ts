/** kstatus' vocabulary: where an object stands on the way to the state its spec asks for. */
export type HealthStatus = 'Current' | 'InProgress' | 'Failed' | 'Terminating' | 'Unknown';

export interface HealthResult {
  status: HealthStatus;
  message: string;
}

export interface HealthOptions {
  /** The clock for time-based rules (a Pod's scheduling window). Default: now. */
  now?: Date;
}

/** An object as the apiserver returns it: only the fields the rules read are typed. */
export interface LiveObject {
  apiVersion?: unknown;
  kind?: unknown;
  metadata?: unknown;
  spec?: unknown;
  status?: unknown;
  [key: string]: unknown;
}

export type HealthRule = (object: LiveObject, options: Required<HealthOptions>) => HealthResult;

export function current(message: string): HealthResult {
  return { status: 'Current', message };
}

export function inProgress(message: string): HealthResult {
  return { status: 'InProgress', message };
}

export function failed(message: string): HealthResult {
  return { status: 'Failed', message };
}
