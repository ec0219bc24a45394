import { GitError, GitErrorKind } from './types';

/** Removes userinfo from URLs in a message, so a credential written into a URL never reaches a log. */
export function redact(text: string): string {
  return text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s@]*@/gi, '$1***@');
}

/** Classifies a git failure (stderr of the CLI or an isomorphic-git error) into what a condition reports. */
export function classifyGitFailure(url: string, text: string, fallback: GitErrorKind = 'unreachable'): GitError {
  const message = redact(text.trim().split('\n').filter(Boolean).slice(-3).join('; '));
  const kind: GitErrorKind = /authentication failed|could not read username|401|403|unauthori[sz]ed|forbidden|UserCanceledError/i.test(text)
    ? 'auth'
    : /couldn't find remote ref|not found|404|does not appear to be a git repository|no such ref/i.test(text)
      ? 'not-found'
      : /could not resolve host|connection refused|failed to connect|ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|timed out|ETIMEDOUT/i.test(text)
        ? 'unreachable'
        : fallback;
  const what = {
    auth: 'authentication failed',
    'not-found': 'not found',
    unreachable: 'unreachable',
    timeout: 'timed out',
    'too-large': 'too large',
    invalid: 'invalid',
  }[kind];
  return new GitError(kind, `${redact(url)}: ${what}: ${message}`);
}
