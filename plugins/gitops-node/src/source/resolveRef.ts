import type { GitRepositoryRef } from '@internal/plugin-gitops-common';
import semver from 'semver';
import { GitError, RemoteRefs, ResolvedRef } from './types';

/** Flux's default when a GitRepository names no ref. */
export const DEFAULT_BRANCH = 'master';

/**
 * Resolves a GitRepository ref against the remote's refs with Flux's precedence: commit, name, semver, tag,
 * branch. Revision strings are Flux's.
 */
export function resolveRef(remote: RemoteRefs, ref: GitRepositoryRef): ResolvedRef {
  if (ref.commit) {
    const commit = ref.commit.toLowerCase();
    if (!/^[0-9a-f]{40}$/.test(commit)) throw new GitError('invalid', `commit '${ref.commit}' is not a full SHA-1`);
    if (ref.branch) {
      return { commit, revision: `${ref.branch}@sha1:${commit}`, remoteRef: `refs/heads/${ref.branch}` };
    }
    return { commit, revision: `sha1:${commit}`, remoteRef: remote.head ? `refs/heads/${remote.head}` : 'HEAD' };
  }
  if (ref.name) {
    const commit = remote.refs.get(ref.name);
    if (!commit) throw new GitError('not-found', `ref '${ref.name}' not found`);
    return { commit, revision: `${ref.name}@sha1:${commit}`, remoteRef: ref.name };
  }
  if (ref.semver) return resolveSemver(remote, ref.semver);
  if (ref.tag) {
    const commit = remote.refs.get(`refs/tags/${ref.tag}`);
    if (!commit) throw new GitError('not-found', `tag '${ref.tag}' not found`);
    return { commit, revision: `${ref.tag}@sha1:${commit}`, remoteRef: `refs/tags/${ref.tag}` };
  }
  const branch = ref.branch ?? DEFAULT_BRANCH;
  const commit = remote.refs.get(`refs/heads/${branch}`);
  if (!commit) throw new GitError('not-found', `branch '${branch}' not found`);
  return { commit, revision: `${branch}@sha1:${commit}`, remoteRef: `refs/heads/${branch}` };
}

/** Masterminds-style range over the tags: the highest matching version wins. */
function resolveSemver(remote: RemoteRefs, constraint: string): ResolvedRef {
  const range = toNodeSemverRange(constraint);
  let best: { tag: string; version: semver.SemVer } | undefined;
  for (const name of remote.refs.keys()) {
    if (!name.startsWith('refs/tags/')) continue;
    const tag = name.slice('refs/tags/'.length);
    const version = semver.parse(tag, { loose: true });
    if (!version || !semver.satisfies(version, range, { loose: true })) continue;
    if (!best || semver.gt(version, best.version)) best = { tag, version };
  }
  if (!best) throw new GitError('not-found', `no tag matches semver range '${constraint}'`);
  const commit = remote.refs.get(`refs/tags/${best.tag}`)!;
  return { commit, revision: `${best.tag}@sha1:${commit}`, remoteRef: `refs/tags/${best.tag}` };
}

/** Masterminds joins AND-ed constraints with commas; node-semver with spaces. The rest reads the same. */
export function toNodeSemverRange(constraint: string): semver.Range {
  const translated = constraint
    .split('||')
    .map(part => part.replace(/,/g, ' ').trim())
    .join(' || ');
  try {
    return new semver.Range(translated, { loose: true });
  } catch {
    throw new GitError('invalid', `invalid semver range '${constraint}'`);
  }
}
