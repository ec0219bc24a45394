import { createHash } from 'node:crypto';
import path from 'node:path';
import { GitError } from './errors';
import { GitImplementation } from './types';

/**
 * Checks a remote URL and returns it normalised. Only HTTP(S) is served; credentials in the URL are refused
 * because URLs end up in logs, events and object status.
 */
export function checkRemoteUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new GitError('invalid', `'${stripUserinfo(url)}' is not a valid URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new GitError(
      'invalid',
      `${parsed.protocol}// URLs are not supported: use an http:// or https:// URL`,
    );
  }
  if (parsed.username || parsed.password) {
    throw new GitError(
      'invalid',
      `${stripUserinfo(
        url,
      )}: credentials in the URL are refused; put them in the secret`,
    );
  }
  parsed.hash = '';
  return parsed.toString().replace(/\/+$/, '');
}

/** One bare mirror per normalised URL and implementation, under the cache directory. */
export function mirrorPath(
  cacheDir: string,
  implementation: GitImplementation,
  url: string,
): string {
  const key = createHash('sha256').update(url).digest('hex').slice(0, 32);
  return path.join(cacheDir, implementation, `${key}.git`);
}

function stripUserinfo(url: string): string {
  return url.replace(/(\/\/)[^/@]*@/, '$1***@');
}
