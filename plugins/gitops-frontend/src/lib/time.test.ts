import { formatExactTime, formatRelativeTime } from './time';
import { shortRevision, shortenDigests } from './revision';

describe('formatRelativeTime', () => {
  const now = new Date('2025-06-01T12:00:00Z');

  it('describes past and future times in words', () => {
    expect(formatRelativeTime('2025-06-01T11:57:00Z', now)).toBe('3 minutes ago');
    expect(formatRelativeTime('2025-06-01T14:00:00Z', now)).toBe('in 2 hours');
    expect(formatRelativeTime('2025-05-31T12:00:00Z', now)).toBe('yesterday');
    expect(formatRelativeTime('2025-06-01T11:59:55Z', now)).toBe('just now');
  });

  it('returns undefined for text that is not a time', () => {
    expect(formatRelativeTime('not a date', now)).toBeUndefined();
    expect(formatExactTime('not a date')).toBeUndefined();
  });
});

describe('shortRevision', () => {
  it('shortens digests and keeps the ref', () => {
    expect(shortRevision('main@sha1:0123456789abcdef0123456789abcdef01234567')).toBe('main@sha1:01234567');
    expect(shortRevision(`6.0.1@sha256:${'ab'.repeat(32)}`)).toBe('6.0.1@sha256:abababab');
    expect(shortRevision('v1.2.3')).toBe('v1.2.3');
  });
});

describe('shortenDigests', () => {
  it('shortens every digest in a message and leaves other text alone', () => {
    const sha = '0123456789abcdef0123456789abcdef01234567';
    expect(shortenDigests(`Applied revision: main@sha1:${sha}, was main@sha1:${'f'.repeat(40)}`)).toBe(
      'Applied revision: main@sha1:01234567, was main@sha1:ffffffff',
    );
    expect(shortenDigests('kustomize build failed: sha1 missing')).toBe('kustomize build failed: sha1 missing');
  });
});
