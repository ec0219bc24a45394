import { GitError, GitErrorKind, redact, summarize } from '../errors';
import { GitCommandError } from './gitCli';

const PATTERNS: Array<[GitErrorKind, RegExp]> = [
  [
    'auth',
    /authentication failed|could not read (username|password)|terminal prompts disabled|returned error: 40[13]\b|HTTP 40[13]\b|access denied|not authorized/i,
  ],
  [
    'not-found',
    /returned error: 404\b|repository '.*' not found|couldn't find remote ref|no such remote ref|not our ref|unadvertised object|does not appear to be a git repository|remote branch .* not found|not a valid object name|bad object|invalid object name/i,
  ],
  [
    'unreachable',
    /could not resolve (host|proxy)|failed to connect|couldn't connect|connection (refused|reset|timed out)|operation timed out|network is unreachable|no route to host|empty reply|recv failure|SSL|TLS|certificate|gnutls|returned error: 5\d\d\b|RPC failed|early EOF|unexpected disconnect/i,
  ],
];

/**
 * Turns a failed git command into a classified error whose message names the remote and git's own reason
 * (never a credential: they travel in the environment, and the message is redacted anyway).
 */
export function classifyNative(
  error: unknown,
  url: string,
  secrets: Array<string | undefined>,
  fallback: GitErrorKind,
): GitError {
  if (error instanceof GitError) {
    const message = error.message.startsWith(url)
      ? error.message
      : `${url}: ${error.message}`;
    return new GitError(error.kind, redact(message, secrets));
  }
  if (!(error instanceof GitCommandError)) {
    return new GitError(
      fallback,
      redact(`${url}: ${(error as Error)?.message ?? String(error)}`, secrets),
    );
  }
  const text = error.stderr || error.message;
  const kind =
    PATTERNS.find(([, pattern]) => pattern.test(text))?.[0] ?? fallback;
  if (kind === 'auth') {
    // git's own words here are about a prompt it may not show; say what happened instead
    const status = /\b403\b/.test(text)
      ? 'HTTP 403: access denied'
      : 'HTTP 401: credentials refused or missing';
    return new GitError(kind, `${url}: authentication failed (${status})`);
  }
  const reason =
    summarize(redact(text, secrets)) ||
    `git ${error.command} exited with ${error.exitCode}`;
  return new GitError(kind, `${url}: ${describe(kind)}: ${reason}`);
}

export function describe(kind: GitErrorKind): string {
  return {
    auth: 'authentication failed',
    'not-found': 'not found',
    unreachable: 'unreachable',
    timeout: 'timed out',
    'too-large': 'too large',
    invalid: 'invalid',
  }[kind];
}
