import type { GitRepositoryRef } from '@internal/plugin-gitops-common';
import git from 'isomorphic-git';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { archiveTree } from '../archive';
import type { MirrorSettings } from '../createGitMirror';
import { Deadline } from '../deadline';
import { GitError, redact } from '../errors';
import { alreadyPresent } from '../fetchPlan';
import { KeyedLock } from '../keyedLock';
import { packCount, restoreFiles, snapshotFiles } from '../mirrorFiles';
import { checkRemoteUrl, mirrorPath } from '../remoteUrl';
import { resolveWithRemote } from '../resolveRef';
import {
  Archive,
  ArchiveOptions,
  FetchOptions,
  FetchResult,
  GitMirror,
  GitRemote,
  OperationOptions,
  RemoteRefs,
  ResolvedRef,
} from '../types';
import {
  isomorphicListRefs,
  IsomorphicFetchJob,
  isomorphicLocalSteps,
  runIsomorphicFetch,
  secretsOf,
} from './isomorphicFetch';
import { IsomorphicTreeSource } from './isomorphicTree';
import { fetchInWorker, workerEntry } from './workerRunner';

/**
 * The mirror in pure JavaScript, for hosts without a git binary: shallow, single-ref, tag-less fetches,
 * run in a worker thread with a memory cap where the worker module is available.
 */
export class IsomorphicGitMirror implements GitMirror {
  readonly implementation = 'isomorphic' as const;
  private readonly lock = new KeyedLock();
  /** isomorphic-git's pack cache, shared by all reads of this mirror (replaced when a mirror starts over). */
  private cache = {};
  private readonly worker = workerEntry();

  constructor(private readonly settings: MirrorSettings) {}

  async listRefs(
    remote: GitRemote,
    options: OperationOptions = {},
  ): Promise<RemoteRefs> {
    const url = checkRemoteUrl(remote.url);
    const deadline = new Deadline(
      options.timeoutMs ?? this.settings.timeoutMs,
      options.signal,
    );
    return isomorphicListRefs(
      url,
      remote.auth,
      remote.caCertificate,
      deadline.signal,
    ).catch(error => {
      throw error instanceof GitError && error.kind === 'timeout'
        ? deadline.error(`listing ${url}`)
        : error;
    });
  }

  async resolve(
    remote: GitRemote,
    ref: GitRepositoryRef,
    options: OperationOptions = {},
  ): Promise<ResolvedRef> {
    return resolveWithRemote(remote.url, ref, () => this.listRefs(remote, options));
  }

  async fetch(
    remote: GitRemote,
    resolved: ResolvedRef,
    options: FetchOptions = {},
  ): Promise<FetchResult> {
    const url = checkRemoteUrl(remote.url);
    const deadline = new Deadline(
      options.timeoutMs ?? this.settings.timeoutMs,
      options.signal,
    );
    const gitdir = mirrorPath(this.settings.cacheDir, this.implementation, url);
    return this.lock.run(gitdir, async () => {
      await ensureBareRepository(gitdir, url);
      if (
        await alreadyPresent(isomorphicLocalSteps(gitdir, this.cache), resolved)
      ) {
        resolved.message ??= await this.subject(gitdir, resolved.commit);
        return { fetched: false, receivedBytes: 0 };
      }
      if ((await packCount(gitdir)) > MAX_PACKS) {
        // isomorphic-git cannot repack: a mirror of many small packs starts over as one shallow fetch.
        await fsp.rm(gitdir, { recursive: true, force: true });
        await ensureBareRepository(gitdir, url);
        this.cache = {};
      }
      const before = await snapshotFiles(gitdir);
      const job: IsomorphicFetchJob = {
        gitdir,
        url,
        auth: remote.auth,
        caCertificate: remote.caCertificate,
        resolved: {
          kind: resolved.kind,
          commit: resolved.commit,
          remoteRef: resolved.remoteRef,
          revision: resolved.revision,
        },
        maxBytes: options.maxBytes ?? this.settings.maxFetchBytes,
      };
      const timeoutMs = deadline.remainingMs(`fetching ${url}`);
      const outcome = await (this.settings.workerMemoryMb && this.worker
        ? fetchInWorker(job, {
            memoryMb: this.settings.workerMemoryMb,
            timeoutMs,
            signal: deadline.signal,
            entry: this.worker,
          })
        : runIsomorphicFetch(job, {
            cache: this.cache,
            signal: deadline.signal,
          })
      ).catch(async error => {
        await restoreFiles(gitdir, before);
        const failure =
          error instanceof GitError && error.kind === 'timeout'
            ? deadline.error(`fetching ${url}`)
            : error;
        throw failure instanceof GitError
          ? new GitError(
              failure.kind,
              redact(failure.message, secretsOf(remote.auth)),
            )
          : failure;
      });
      resolved.message = await this.subject(gitdir, resolved.commit);
      return { fetched: true, receivedBytes: outcome.receivedBytes };
    });
  }

  async archive(
    remote: GitRemote,
    resolved: ResolvedRef,
    options: ArchiveOptions,
  ): Promise<Archive> {
    const gitdir = mirrorPath(
      this.settings.cacheDir,
      this.implementation,
      checkRemoteUrl(remote.url),
    );
    return this.lock.run(gitdir, () =>
      archiveTree(
        new IsomorphicTreeSource(gitdir, this.cache),
        resolved.commit,
        options,
      ),
    );
  }

  private async subject(
    gitdir: string,
    oid: string,
  ): Promise<string | undefined> {
    const result = await git
      .readCommit({ fs, gitdir, oid, cache: this.cache })
      .catch(() => undefined);
    return result?.commit.message.split('\n')[0].trim() || undefined;
  }
}

/** Every fetch adds a pack, and every read looks through all of them. */
const MAX_PACKS = 50;

async function ensureBareRepository(
  gitdir: string,
  url: string,
): Promise<void> {
  if (
    await fsp.stat(path.join(gitdir, 'HEAD')).then(
      () => true,
      () => false,
    )
  )
    return;
  await fsp.mkdir(path.dirname(gitdir), { recursive: true });
  const staging = await fsp.mkdtemp(`${gitdir}.init-`);
  await git.init({ fs, gitdir: staging, bare: true, defaultBranch: 'main' });
  // isomorphic-git wants a configured remote with a fetch refspec even when given the URL.
  await git.addRemote({ fs, gitdir: staging, remote: 'origin', url });
  await fsp.rename(staging, gitdir).catch(async error => {
    await fsp.rm(staging, { recursive: true, force: true });
    if (
      !(await fsp.stat(path.join(gitdir, 'HEAD')).then(
        () => true,
        () => false,
      ))
    )
      throw error;
  });
}
