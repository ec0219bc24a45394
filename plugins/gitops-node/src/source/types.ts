import type { GitRepositoryRef } from '@internal/plugin-gitops-common';

export type GitImplementation = 'native' | 'isomorphic';

/** HTTP credentials, as Flux reads them from a GitRepository's secret. */
export interface GitAuth {
  username?: string;
  password?: string;
  bearerToken?: string;
}

/** Where a repository is and how to reach it; credentials never leave these fields (never the URL). */
export interface GitRemote {
  /** `http://` or `https://` URL without userinfo. */
  url: string;
  auth?: GitAuth;
  /** PEM bundle to trust for HTTPS (Flux's `ca.crt`/`caFile` secret key), on top of the system roots. */
  caCertificate?: string;
}

export type ResolvedRefKind = 'branch' | 'tag' | 'semver' | 'name' | 'commit';

/** A ref resolved against the remote: the commit, and the revision string as Flux writes it. */
export interface ResolvedRef {
  kind: ResolvedRefKind;
  commit: string;
  /** `main@sha1:<hash>`, `v1.2.3@sha1:<hash>`, `refs/heads/x@sha1:<hash>` or `sha1:<hash>`. */
  revision: string;
  /**
   * The remote ref to fetch (`refs/heads/main`, `refs/tags/v1.0.0`); for a commit, the branch whose history
   * must hold it. Absent for a commit given without a branch.
   */
  remoteRef?: string;
  /** The commit's subject line, once the commit is in the mirror (set by `fetch`). */
  message?: string;
}

/** The refs a remote advertises, annotated tags peeled to the commit they point at. */
export interface RemoteRefs {
  /** Every advertised ref by full name (`refs/heads/main`, `refs/tags/v1`, `refs/pull/1/head`). */
  refs: Map<string, string>;
  /** Branch name (without `refs/heads/`) to commit. */
  branches: Map<string, string>;
  /** Tag name (without `refs/tags/`) to the commit it points at. */
  tags: Map<string, string>;
  /** The branch the remote's HEAD points at, when the server says. */
  head?: string;
}

export interface OperationOptions {
  /** Whole-operation time limit; Flux's default is 60 s. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface FetchOptions extends OperationOptions {
  /** Largest pack accepted from the remote, in bytes. */
  maxBytes?: number;
}

export interface FetchResult {
  /** False when the mirror already had the commit: nothing went over the network. */
  fetched: boolean;
  /** Bytes of pack data received. */
  receivedBytes: number;
}

export interface ArchiveOptions {
  /** `spec.ignore`: gitignore-format rules; with `.sourceignore` rules, they replace Flux's default exclusions. */
  ignore?: string;
  /** Largest total of file contents accepted in the artifact (before compression). */
  maxBytes: number;
}

export interface Archive {
  /** A deterministic `.tar.gz`: equal trees give equal bytes. */
  content: Buffer;
  /** `sha256:<hex>` of `content`. */
  digest: string;
  /** Files and links in the archive (directories not counted). */
  files: number;
}

/** The git mirror: resolve a ref cheaply, fetch only what is new, turn a commit's tree into a deterministic tarball. */
export interface GitMirror {
  readonly implementation: GitImplementation;
  /** One ref advertisement (a single GET of `info/refs` over HTTP). */
  listRefs(remote: GitRemote, options?: OperationOptions): Promise<RemoteRefs>;
  /** Resolves with Flux's precedence: commit, name, semver, tag, branch (default `master`). */
  resolve(
    remote: GitRemote,
    ref: GitRepositoryRef,
    options?: OperationOptions,
  ): Promise<ResolvedRef>;
  /** Brings the resolved commit into the bare mirror; does nothing when it is already there. */
  fetch(
    remote: GitRemote,
    resolved: ResolvedRef,
    options?: FetchOptions,
  ): Promise<FetchResult>;
  /** Builds the artifact straight from git objects of a fetched commit. */
  archive(
    remote: GitRemote,
    resolved: ResolvedRef,
    options: ArchiveOptions,
  ): Promise<Archive>;
}
