import type { LiveObject } from './types';

/** A status field of the wrong type: the object cannot be assessed. */
export class MalformedFieldError extends Error {
  constructor(path: string, expected: string) {
    super(`${path} is not ${expected}`);
    this.name = 'MalformedFieldError';
  }
}

export interface ConditionView {
  type: string;
  status: string;
  reason: string;
  message: string;
}

function lookup(object: LiveObject, path: string): unknown {
  let value: unknown = object;
  for (const part of path.split('.')) {
    if (value === null || value === undefined) return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw new MalformedFieldError(path, 'reachable (a parent is not an object)');
    }
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

export function intField(object: LiveObject, path: string, fallback: number): number {
  const value = lookup(object, path);
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new MalformedFieldError(path, 'a number');
  return value;
}

export function stringField(object: LiveObject, path: string, fallback: string): string {
  const value = lookup(object, path);
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'string') throw new MalformedFieldError(path, 'a string');
  return value;
}

export function boolField(object: LiveObject, path: string, fallback: boolean): boolean {
  const value = lookup(object, path);
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean') throw new MalformedFieldError(path, 'a boolean');
  return value;
}

export function hasField(object: LiveObject, path: string): boolean {
  const value = lookup(object, path);
  return value !== undefined && value !== null;
}

export function listField(object: LiveObject, path: string): unknown[] {
  const value = lookup(object, path);
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new MalformedFieldError(path, 'a list');
  return value;
}

export function conditions(object: LiveObject): ConditionView[] {
  return listField(object, 'status.conditions').map((entry, index) => {
    if (!entry || typeof entry !== 'object') throw new MalformedFieldError(`status.conditions[${index}]`, 'an object');
    const condition = entry as Record<string, unknown>;
    return {
      type: String(condition.type ?? ''),
      status: String(condition.status ?? ''),
      reason: String(condition.reason ?? ''),
      message: String(condition.message ?? ''),
    };
  });
}

export function findCondition(object: LiveObject, type: string): ConditionView | undefined {
  return conditions(object).find(condition => condition.type === type);
}

export function isConditionTrue(object: LiveObject, type: string): boolean {
  return findCondition(object, type)?.status === 'True';
}

/** `reason: message`, leaving out whichever part is empty. */
export function describeCondition(condition: ConditionView): string {
  if (condition.reason && condition.message) return `${condition.reason}: ${condition.message}`;
  return condition.message || condition.reason || `${condition.type} is ${condition.status}`;
}
