/** What went wrong, in the terms a reconciler needs to pick a condition reason. */
export type GitErrorKind =
  | 'auth'
  | 'not-found'
  | 'unreachable'
  | 'timeout'
  | 'too-large'
  | 'invalid';

/** A classified git failure; the message names the cause and never a credential. */
export class GitError extends Error {
  readonly kind: GitErrorKind;

  constructor(kind: GitErrorKind, message: string) {
    super(message);
    this.name = 'GitError';
    this.kind = kind;
  }
}

const MIN_SECRET_LENGTH = 3;

/**
 * Removes anything credential-like from a message: URL userinfo, Authorization header values, and the given
 * secrets verbatim (and base64-encoded, as they travel in a Basic header).
 */
export function redact(
  text: string,
  secrets: Array<string | undefined> = [],
): string {
  let out = text
    .replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s@]*@/gi, '$1***@')
    .replace(
      /(authorization:\s*(?:basic\s+|bearer\s+|token\s+)?)[^\s'"]+/gi,
      '$1***',
    );
  for (const secret of secrets) {
    if (!secret || secret.length < MIN_SECRET_LENGTH) continue;
    out = out.split(secret).join('***');
  }
  return out;
}

/** The first meaningful lines of a tool's error output, shortened for a condition message. */
export function summarize(text: string, maxLength = 400): string {
  const lines = text
    .split('\n')
    .map(line => line.replace(/^(fatal|error|remote):\s*/i, '').trim())
    .filter(line => line.length > 0 && !/^hint:/i.test(line));
  const joined = lines.slice(0, 3).join('; ');
  return joined.length > maxLength ? `${joined.slice(0, maxLength)}…` : joined;
}
