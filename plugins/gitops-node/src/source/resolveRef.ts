import { checkRemoteUrl } from './remoteUrl';
import type { GitRepositoryRef } from '@internal/plugin-gitops-common';
import { GitError } from './errors';
import { highestMatchingTag, parseSemverConstraint } from './semverRange';
import { RemoteRefs, ResolvedRef } from './types';

/** Flux's default when a GitRepository names no ref (`spec.ref` absent or empty). */
export const DEFAULT_BRANCH = 'master';

const SHA1 = /^[0-9a-f]{40}$/;

/** True when resolving this ref needs the remote's refs (everything but a commit given without a branch). */
export function needsRemoteRefs(ref: GitRepositoryRef): boolean {
  return !(ref.commit && !ref.branch);
}

/**
 * Resolves a GitRepository ref with Flux's precedence (commit, name, semver, tag, branch) and writes the
 * revision the way source-controller does: `<short ref>@sha1:<commit>`, the full ref for `name`, and
 * `sha1:<commit>` for a commit without a branch.
 */
export function resolveRef(
  remote: RemoteRefs | undefined,
  ref: GitRepositoryRef,
): ResolvedRef {
  if (ref.commit) return resolveCommit(remote, ref.commit, ref.branch);
  if (!remote)
    throw new Error(
      'resolveRef needs the remote refs for anything but a bare commit',
    );
  if (ref.name) return resolveName(remote, ref.name);
  if (ref.semver) return resolveSemver(remote, ref.semver);
  if (ref.tag) {
    const commit = remote.tags.get(ref.tag);
    if (!commit) throw notFound(`refs/tags/${ref.tag}`);
    return {
      kind: 'tag',
      commit,
      revision: `${ref.tag}@sha1:${commit}`,
      remoteRef: `refs/tags/${ref.tag}`,
    };
  }
  const branch = ref.branch || DEFAULT_BRANCH;
  const commit = remote.branches.get(branch);
  if (!commit) throw notFound(`refs/heads/${branch}`);
  return {
    kind: 'branch',
    commit,
    revision: `${branch}@sha1:${commit}`,
    remoteRef: `refs/heads/${branch}`,
  };
}

function resolveCommit(
  remote: RemoteRefs | undefined,
  given: string,
  branch: string | undefined,
): ResolvedRef {
  const commit = given.trim().toLowerCase();
  if (!SHA1.test(commit))
    throw new GitError(
      'invalid',
      `commit '${given}' is not a full 40-character SHA-1`,
    );
  if (!branch) return { kind: 'commit', commit, revision: `sha1:${commit}` };
  if (remote && !remote.branches.has(branch))
    throw notFound(`refs/heads/${branch}`);
  return {
    kind: 'commit',
    commit,
    revision: `${branch}@sha1:${commit}`,
    remoteRef: `refs/heads/${branch}`,
  };
}

function resolveName(remote: RemoteRefs, name: string): ResolvedRef {
  if (
    !name.startsWith('refs/') ||
    name.endsWith('/') ||
    name.includes('..') ||
    /[\s~^:?*[\\]/.test(name)
  ) {
    throw new GitError(
      'invalid',
      `ref name '${name}' is not a valid full reference (like refs/heads/main)`,
    );
  }
  const commit = remote.refs.get(name);
  if (!commit) throw notFound(name);
  return {
    kind: 'name',
    commit,
    revision: `${name}@sha1:${commit}`,
    remoteRef: name,
  };
}

function resolveSemver(remote: RemoteRefs, range: string): ResolvedRef {
  const constraint = parseSemverConstraint(range);
  const tag = highestMatchingTag(remote.tags.keys(), constraint);
  if (!tag)
    throw new GitError('not-found', `no tag matches semver range '${range}'`);
  const commit = remote.tags.get(tag)!;
  return {
    kind: 'semver',
    commit,
    revision: `${tag}@sha1:${commit}`,
    remoteRef: `refs/tags/${tag}`,
  };
}

function notFound(ref: string): GitError {
  return new GitError('not-found', `couldn't find remote ref '${ref}'`);
}

/** `resolveRef` with the remote's URL in the message of a failure, as a condition should read. */
export function resolveAt(
  url: string,
  remote: RemoteRefs | undefined,
  ref: GitRepositoryRef,
): ResolvedRef {
  try {
    return resolveRef(remote, ref);
  } catch (error) {
    if (error instanceof GitError)
      throw new GitError(error.kind, `${url}: ${error.message}`);
    throw error;
  }
}

/**
 * What both mirrors' `resolve` does: list the remote's refs only when the ref needs them (a bare commit does
 * not), then resolve with the URL in any failure.
 */
export async function resolveWithRemote(
  remoteUrl: string,
  ref: GitRepositoryRef,
  listRefs: () => Promise<RemoteRefs>,
): Promise<ResolvedRef> {
  const url = checkRemoteUrl(remoteUrl);
  return resolveAt(url, needsRemoteRefs(ref) ? await listRefs() : undefined, ref);
}

/** Builds the ref maps from advertised `(name, oid, peeled?)` triples. */
export function remoteRefsFrom(
  advertised: Iterable<{ name: string; oid: string; peeled?: string }>,
  head?: string,
): RemoteRefs {
  const refs = new Map<string, string>();
  const branches = new Map<string, string>();
  const tags = new Map<string, string>();
  for (const { name, oid, peeled } of advertised) {
    const commit = peeled ?? oid;
    refs.set(name, commit);
    if (name.startsWith('refs/heads/'))
      branches.set(name.slice('refs/heads/'.length), commit);
    else if (name.startsWith('refs/tags/'))
      tags.set(name.slice('refs/tags/'.length), commit);
  }
  const headBranch = head?.startsWith('refs/heads/')
    ? head.slice('refs/heads/'.length)
    : undefined;
  return { refs, branches, tags, head: headBranch };
}
