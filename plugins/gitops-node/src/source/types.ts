import type { GitRepositoryRef } from '@internal/plugin-gitops-common';

/** Where a repository is and how to authenticate; credentials never leave these fields. */
export interface GitRemote {
  url: string;
  auth?: { username?: string; password?: string; bearerToken?: string };
  /** PEM bundle trusted for HTTPS (native git only; isomorphic-git uses Node's trust store). */
  caCertificate?: string;
}

/** A ref resolved against the remote: the commit, and the revision string as Flux writes it. */
export interface ResolvedRef {
  commit: string;
  /** `main@sha1:<hash>`, `v1.2.3@sha1:<hash>`, `refs/heads/x@sha1:<hash>` or `sha1:<hash>`. */
  revision: string;
  /** The remote ref to fetch (`refs/heads/main`, `refs/tags/v1.0.0`), absent for a bare commit. */
  remoteRef?: string;
  message?: string;
}

export interface RemoteRefs {
  /** Full ref name to commit sha (annotated tags peeled to their commit). */
  refs: Map<string, string>;
  /** The branch HEAD points at, when the server says. */
  head?: string;
}

export interface OperationOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface ArchiveOptions {
  /** gitignore-style patterns from `spec.ignore`, on top of `.sourceignore` files and Flux's defaults. */
  ignore?: string;
  /** Largest tarball, before compression. */
  maxBytes: number;
}

export interface Archive {
  content: Buffer;
  /** `sha256:<hex>` of `content`. */
  digest: string;
  files: number;
}

/** The git mirror: resolve a ref cheaply, fetch what is new, turn a commit's tree into a deterministic tarball. */
export interface GitMirror {
  readonly implementation: 'native' | 'isomorphic';
  listRefs(remote: GitRemote, options?: OperationOptions): Promise<RemoteRefs>;
  resolve(remote: GitRemote, ref: GitRepositoryRef, options?: OperationOptions): Promise<ResolvedRef>;
  fetch(remote: GitRemote, resolved: ResolvedRef, options?: OperationOptions): Promise<void>;
  archive(remote: GitRemote, resolved: ResolvedRef, options: ArchiveOptions): Promise<Archive>;
}

export type GitErrorKind = 'auth' | 'not-found' | 'unreachable' | 'timeout' | 'too-large' | 'invalid';

/** A classified git failure; the message names the cause and never a credential. */
export class GitError extends Error {
  constructor(readonly kind: GitErrorKind, message: string) {
    super(message);
    this.name = 'GitError';
  }
}
