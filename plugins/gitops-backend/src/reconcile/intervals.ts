import { parseGoDuration } from '@internal/plugin-gitops-common';

/** Spreads periodic reconciles so objects with one interval do not all fire together (±5%, as Flux's jitter). */
export function withJitter(ms: number, random: () => number = Math.random): number {
  return Math.round(ms * (0.95 + random() * 0.1));
}

/** The spec's `interval`, and `retryInterval` (defaulting to `interval`) after a failure. */
export function requeueAfter(spec: Record<string, unknown>, failed: boolean): number {
  const interval = parseGoDuration(String(spec.interval ?? '10m'));
  if (!failed) return withJitter(interval);
  return withJitter(spec.retryInterval ? parseGoDuration(String(spec.retryInterval)) : interval);
}

/** The spec's `timeout`, else the interval, as Flux defaults it; capped so a lease is never held for hours. */
export function timeoutOf(spec: Record<string, unknown>): number {
  const value = spec.timeout ?? spec.interval ?? '5m';
  return Math.min(parseGoDuration(String(value)), 60 * 60_000);
}
