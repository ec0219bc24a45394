/** Go's duration strings (`1m30s`, `10m`, `1h`, `500ms`), as Flux's specs use them. */

const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  'µs': 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** Parses a Go duration into milliseconds; throws an Error naming the bad input. */
export function parseGoDuration(text: string): number {
  const input = text.trim();
  if (input === '0') return 0;
  const pattern = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let position = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(input)) !== null) {
    total += Number(match[1]) * UNIT_MS[match[2]];
    position = pattern.lastIndex;
  }
  if (position === 0 || position !== input.length) {
    throw new Error(`invalid duration '${text}': use Go's format, such as 30s, 5m or 1h30m`);
  }
  return total;
}

/** Formats milliseconds as a Go duration (`1h2m3s`, `1.5s`, `250ms`). */
export function formatGoDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const seconds = (ms % 60_000) / 1000;
  return `${hours ? `${hours}h` : ''}${hours || minutes ? `${minutes}m` : ''}${seconds}s`;
}
