import type { GitRepositoryRef } from '@internal/plugin-gitops-common';
import git from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import fs from 'node:fs';
import { archiveTree, TreeFile } from './archive';
import { classifyGitFailure } from './errors';
import { KeyedLock, mirrorDirectory } from './mirrorDirectory';
import { resolveRef } from './resolveRef';
import { Archive, ArchiveOptions, GitError, GitMirror, GitRemote, OperationOptions, RemoteRefs, ResolvedRef } from './types';

const DEFAULT_TIMEOUT_MS = 60_000;

/** The mirror in pure JavaScript, for hosts without a git binary: shallow, single-branch, tag-less fetches. */
export class IsomorphicGitMirror implements GitMirror {
  readonly implementation = 'isomorphic';
  private readonly lock = new KeyedLock();
  /** isomorphic-git's pack cache, shared across operations as its docs advise. */
  private readonly cache = {};

  constructor(private readonly cacheDir: string) {}

  async listRefs(remote: GitRemote, options: OperationOptions = {}): Promise<RemoteRefs> {
    const listed = await this.remote(remote, options, () =>
      git.listServerRefs({ http, url: remote.url, symrefs: true, peelTags: true, protocolVersion: 2, ...auth(remote) }),
    );
    const refs = new Map<string, string>();
    let head: string | undefined;
    for (const entry of listed) {
      if (entry.ref === 'HEAD') {
        if (entry.target?.startsWith('refs/heads/')) head = entry.target.slice('refs/heads/'.length);
        continue;
      }
      if (!entry.ref.startsWith('refs/heads/') && !entry.ref.startsWith('refs/tags/')) continue;
      refs.set(entry.ref, entry.peeled ?? entry.oid);
    }
    return { refs, head };
  }

  async resolve(remote: GitRemote, ref: GitRepositoryRef, options: OperationOptions = {}): Promise<ResolvedRef> {
    return resolveRef(await this.listRefs(remote, options), ref);
  }

  async fetch(remote: GitRemote, resolved: ResolvedRef, options: OperationOptions = {}): Promise<void> {
    const gitdir = mirrorDirectory(this.cacheDir, remote.url, this.implementation);
    await this.lock.run(gitdir, async () => {
      if (!fs.existsSync(gitdir)) {
        await git.init({ fs, gitdir, bare: true, defaultBranch: 'main' });
        await git.addRemote({ fs, gitdir, remote: 'origin', url: remote.url });
      }
      if (await this.hasCommit(gitdir, resolved.commit)) return;
      if (!resolved.remoteRef || resolved.remoteRef === 'HEAD') {
        throw new GitError('invalid', 'fetching a bare commit needs spec.ref.branch with isomorphic-git');
      }
      const bareCommit = resolved.revision.startsWith('sha1:') || !resolved.revision.endsWith(resolved.commit);
      await this.remote(remote, options, () =>
        git.fetch({
          fs,
          http,
          gitdir,
          cache: this.cache,
          url: remote.url,
          remote: 'origin',
          ref: resolved.remoteRef,
          remoteRef: resolved.remoteRef,
          singleBranch: true,
          depth: bareCommit ? undefined : 1,
          tags: resolved.remoteRef!.startsWith('refs/tags/'),
          ...auth(remote),
        }),
      );
      if (!(await this.hasCommit(gitdir, resolved.commit))) {
        throw new GitError('not-found', `commit ${resolved.commit} not found on ${resolved.remoteRef}`);
      }
    });
  }

  async archive(remote: GitRemote, resolved: ResolvedRef, options: ArchiveOptions): Promise<Archive> {
    const gitdir = mirrorDirectory(this.cacheDir, remote.url, this.implementation);
    const files: TreeFile[] = [];
    await git.walk({
      fs,
      gitdir,
      cache: this.cache,
      trees: [git.TREE({ ref: resolved.commit })],
      map: async (filepath, [entry]) => {
        if (!entry || filepath === '.') return true;
        const type = await entry.type();
        if (type !== 'blob') return type === 'tree' ? true : null;
        const mode = (await entry.mode()).toString(8);
        files.push({ path: filepath, mode, read: async () => Buffer.from((await entry.content()) ?? []) });
        return true;
      },
    });
    return archiveTree(files, options);
  }

  private async hasCommit(gitdir: string, oid: string): Promise<boolean> {
    return git.readCommit({ fs, gitdir, oid, cache: this.cache }).then(
      () => true,
      () => false,
    );
  }

  private async remote<T>(remote: GitRemote, options: OperationOptions, work: () => Promise<T>): Promise<T> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new GitError('timeout', `${remote.url}: no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      return await Promise.race([work(), timeout]);
    } catch (error) {
      if (error instanceof GitError) throw error;
      const detail = error as { message?: string; code?: string; data?: { statusCode?: number } };
      throw classifyGitFailure(remote.url, `${detail.code ?? ''} ${detail.data?.statusCode ?? ''} ${detail.message ?? error}`);
    } finally {
      clearTimeout(timer);
    }
  }
}

function auth(remote: GitRemote) {
  if (remote.auth?.bearerToken) {
    return { headers: { Authorization: `Bearer ${remote.auth.bearerToken}` } };
  }
  if (remote.auth?.username) {
    const { username, password } = remote.auth;
    return {
      onAuth: () => ({ username, password: password ?? '' }),
      onAuthFailure: () => ({ cancel: true }),
    };
  }
  return {};
}
