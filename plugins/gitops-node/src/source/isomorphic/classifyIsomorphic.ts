import { GitError, GitErrorKind, redact } from '../errors';

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'EPIPE',
  'UND_ERR_SOCKET',
]);

interface IsomorphicFailure {
  name?: string;
  code?: string;
  message?: string;
  data?: {
    statusCode?: number;
    statusMessage?: string;
    ref?: string;
    what?: string;
  };
}

/** Classifies an isomorphic-git (or Node network) error; the message names the remote, never a credential. */
export function classifyIsomorphic(
  error: unknown,
  url: string,
  secrets: Array<string | undefined>,
): GitError {
  const failure = (error ?? {}) as IsomorphicFailure;
  const [kind, reason] = kindOf(error, failure);
  const message = reason.startsWith(url) ? reason : `${url}: ${reason}`;
  return new GitError(kind, redact(message, secrets));
}

function kindOf(
  error: unknown,
  failure: IsomorphicFailure,
): [GitErrorKind, string] {
  if (error instanceof GitError) return [error.kind, error.message];
  const code = failure.code ?? '';
  const detail = failure.message ?? String(error);
  if (failure.name === 'AbortError' || code === 'ABORT_ERR')
    return ['timeout', 'the transfer was cancelled or timed out'];
  if (code === 'HttpError') {
    const status = failure.data?.statusCode ?? 0;
    const statusText = `HTTP ${status} ${
      failure.data?.statusMessage ?? ''
    }`.trim();
    if (status === 401 || status === 403)
      return ['auth', `authentication failed (${statusText})`];
    if (status === 404)
      return ['not-found', `repository not found (${statusText})`];
    if (status >= 500) return ['unreachable', `server error (${statusText})`];
    return ['invalid', `unexpected answer (${statusText})`];
  }
  if (code === 'UserCanceledError')
    return [
      'auth',
      'authentication failed (HTTP 401: credentials refused or missing)',
    ];
  if (code === 'NotFoundError')
    return ['not-found', `not found: ${failure.data?.what ?? detail}`];
  if (code === 'SmartHttpError')
    return ['invalid', 'the server did not answer as a git smart-HTTP server'];
  if (NETWORK_CODES.has(code)) return ['unreachable', `unreachable: ${detail}`];
  if (/CERT|SSL|TLS|self[- ]signed|certificate/i.test(`${code} ${detail}`))
    return ['unreachable', `TLS failure: ${detail}`];
  return ['invalid', `git operation failed: ${detail}`];
}
