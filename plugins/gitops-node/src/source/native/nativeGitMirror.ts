import type { GitRepositoryRef } from '@internal/plugin-gitops-common';
import { archiveTree } from '../archive';
import { Deadline } from '../deadline';
import { GitError } from '../errors';
import { alreadyPresent, fetchResolved, FetchSteps } from '../fetchPlan';
import { KeyedLock } from '../keyedLock';
import { checkRemoteUrl, mirrorPath } from '../remoteUrl';
import { remoteRefsFrom, resolveWithRemote } from '../resolveRef';
import type { MirrorSettings } from '../createGitMirror';
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
import { classifyNative } from './classifyNative';
import { runGit } from './gitCli';
import {
  commitSubject,
  ensureBareRepository,
  localSteps,
} from './bareRepository';
import { RemoteSession, withRemoteSession } from './remoteSession';
import { NativeTreeSource } from './nativeTree';
import { rollBack, takeSnapshot } from './mirrorSnapshot';
import { fetchTooLarge, packBytes, watchIncomingPack } from './packSize';

const GC_TIMEOUT_MS = 10 * 60_000;

/** The mirror on the `git` command line: the fastest and leanest where git is installed. */
export class NativeGitMirror implements GitMirror {
  readonly implementation = 'native' as const;
  private readonly lock = new KeyedLock();

  constructor(private readonly settings: MirrorSettings) {}

  async listRefs(
    remote: GitRemote,
    options: OperationOptions = {},
  ): Promise<RemoteRefs> {
    const deadline = new Deadline(
      options.timeoutMs ?? this.settings.timeoutMs,
      options.signal,
    );
    return withRemoteSession(remote, this.settings.cacheDir, session =>
      this.lsRemote(session, deadline),
    );
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
    const deadline = new Deadline(
      options.timeoutMs ?? this.settings.timeoutMs,
      options.signal,
    );
    const maxBytes = options.maxBytes ?? this.settings.maxFetchBytes;
    const url = checkRemoteUrl(remote.url);
    const gitdir = mirrorPath(this.settings.cacheDir, this.implementation, url);
    return this.lock.run(gitdir, async () => {
      await ensureBareRepository(gitdir);
      const local = localSteps(gitdir);
      if (await alreadyPresent(local, resolved)) {
        resolved.message ??= await commitSubject(gitdir, resolved.commit);
        return { fetched: false, receivedBytes: 0 };
      }
      const snapshot = await takeSnapshot(gitdir);
      const before = await packBytes(gitdir);
      const received = async () => (await packBytes(gitdir)) - before;
      try {
        await withRemoteSession(
          remote,
          this.settings.cacheDir,
          async session => {
            const steps: FetchSteps = {
              ...local,
              listRefs: () => this.lsRemote(session, deadline),
              fetchRef: async (remoteRef, depth) => {
                const args = [
                  `--depth=${depth}`,
                  session.url,
                  `+${remoteRef}:${remoteRef}`,
                ];
                await this.gitFetch(
                  session,
                  gitdir,
                  deadline,
                  maxBytes,
                  await received(),
                  args,
                );
              },
              fetchCommit: async commit => {
                const args = [
                  '--depth=1',
                  session.url,
                  `+${commit}:refs/gitops/commits/${commit}`,
                ];
                return this.gitFetch(
                  session,
                  gitdir,
                  deadline,
                  maxBytes,
                  await received(),
                  args,
                ).then(
                  () => local.has(commit),
                  error => {
                    if (error instanceof GitError && error.kind === 'not-found')
                      return false;
                    throw error;
                  },
                );
              },
            };
            await fetchResolved(steps, resolved).catch(error => {
              throw classifyNative(
                error,
                session.url,
                session.secrets,
                'not-found',
              );
            });
          },
        );
        // A fast transfer can finish between two looks at the incoming pack: the total decides.
        if ((await received()) > maxBytes)
          throw classifyNative(fetchTooLarge(maxBytes), url, [], 'too-large');
      } catch (error) {
        await rollBack(gitdir, snapshot);
        throw error;
      }
      const receivedBytes = await received();
      // Each fetch adds a pack; past git's own thresholds, repack (in the foreground, under the lock).
      await runGit(['gc', '--auto', '--quiet'], {
        cwd: gitdir,
        config: [['gc.autoDetach', 'false']],
        timeoutMs: GC_TIMEOUT_MS,
      }).catch(() => undefined);
      resolved.message = await commitSubject(gitdir, resolved.commit);
      return { fetched: true, receivedBytes };
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
      archiveTree(new NativeTreeSource(gitdir), resolved.commit, options),
    );
  }

  private async lsRemote(
    session: RemoteSession,
    deadline: Deadline,
  ): Promise<RemoteRefs> {
    // Protocol v0 answers with the whole advertisement in one GET of info/refs; v2 would add a POST.
    const output = await runGit(['ls-remote', '--symref', session.url], {
      config: [...session.config, ['protocol.version', '0']],
      timeoutMs: deadline.remainingMs(`listing ${session.url}`),
      signal: deadline.signal,
    }).catch(error => {
      throw classifyNative(error, session.url, session.secrets, 'unreachable');
    });
    const advertised = new Map<
      string,
      { name: string; oid: string; peeled?: string }
    >();
    let head: string | undefined;
    for (const line of output.toString('utf8').split('\n')) {
      const symref = /^ref: (\S+)\tHEAD$/.exec(line);
      if (symref) {
        head = symref[1];
        continue;
      }
      const [oid, name] = line.split('\t');
      if (!oid || !name || name === 'HEAD') continue;
      if (name.endsWith('^{}')) {
        const tag = advertised.get(name.slice(0, -3));
        if (tag) tag.peeled = oid;
      } else {
        advertised.set(name, { name, oid });
      }
    }
    return remoteRefsFrom(advertised.values(), head);
  }

  private async gitFetch(
    session: RemoteSession,
    gitdir: string,
    deadline: Deadline,
    limit: number,
    used: number,
    args: string[],
  ): Promise<void> {
    const budget = limit - used;
    if (budget <= 0) throw fetchTooLarge(limit);
    await runGit(
      [
        'fetch',
        '--quiet',
        '--no-tags',
        '--no-write-fetch-head',
        '--no-recurse-submodules',
        ...args,
      ],
      {
        cwd: gitdir,
        config: [
          ...session.config,
          // Every pack goes through index-pack into objects/pack/tmp_pack_*, where its growth can be watched.
          ['fetch.unpackLimit', '1'],
          ['gc.auto', '0'],
          ['maintenance.auto', 'false'],
        ],
        timeoutMs: deadline.remainingMs(`fetching ${session.url}`),
        signal: deadline.signal,
        watch: watchIncomingPack(gitdir, budget, limit),
      },
    ).catch(error => {
      throw classifyNative(error, session.url, session.secrets, 'unreachable');
    });
  }
}
