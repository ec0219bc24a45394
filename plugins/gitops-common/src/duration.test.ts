import { formatGoDuration, parseGoDuration } from './duration';

describe('parseGoDuration', () => {
  it.each([
    ['10m', 600_000],
    ['1h30m', 5_400_000],
    ['1m30s', 90_000],
    ['500ms', 500],
    ['1.5s', 1500],
    ['0', 0],
    ['2h0m0s', 7_200_000],
  ])('parses %s', (text, ms) => expect(parseGoDuration(text)).toBe(ms));

  it.each(['', '10', 'm', '10x', '1h 30m', '-5m'])('refuses %p', text =>
    expect(() => parseGoDuration(text)).toThrow(/invalid duration/),
  );
});

describe('formatGoDuration', () => {
  it.each([
    [600_000, '10m0s'],
    [5_400_000, '1h30m0s'],
    [1500, '1.5s'],
    [250, '250ms'],
    [0, '0s'],
  ])('formats %d', (ms, text) => expect(formatGoDuration(ms)).toBe(text));
});
