const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

const relativeFormat = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "3 minutes ago", "in 2 hours"; undefined when the timestamp cannot be parsed. */
export function formatRelativeTime(timestamp: string, now: Date = new Date()): string | undefined {
  const time = Date.parse(timestamp);
  if (Number.isNaN(time)) return undefined;
  const seconds = Math.round((time - now.getTime()) / 1000);
  if (Math.abs(seconds) < 10) return 'just now';
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relativeFormat.format(Math.trunc(seconds / size), unit);
  }
  return relativeFormat.format(seconds, 'second');
}

/** The exact time in the reader's locale and zone, with the zone spelled out. */
export function formatExactTime(timestamp: string): string | undefined {
  const time = Date.parse(timestamp);
  if (Number.isNaN(time)) return undefined;
  return new Date(time).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'long' });
}
