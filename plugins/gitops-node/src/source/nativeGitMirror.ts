import type { GitRepositoryRef } from '@internal/plugin-gitops-common';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { archiveTree, TreeFile } from './archive';
import { classifyGitFailure } from './errors';
import { runGit } from './gitCli';
import { KeyedLock, mirrorDirectory } from './mirrorDirectory';
import { resolveRef } from './resolveRef';
import { Archive, ArchiveOptions, GitError, GitMirror, GitRemote, OperationOptions, RemoteRefs, ResolvedRef } from './types';

const DEFAULT_TIMEOUT_MS = 60_000;

/** The mirror on the `git` command line: the fastest and leanest where git is installed. */
export class NativeGitMirror implements GitMirror {
  readonly implementation = 'native';
  private readonly lock = new KeyedLock();

  constructor(private readonly cacheDir: string) {}

  async listRefs(remote: GitRemote, options: OperationOptions = {}): Promise<RemoteRefs> {
    const output = await this.remoteGit(remote, ['ls-remote', '--symref', remote.url, 'HEAD', 'refs/heads/*', 'refs/tags/*'], options);
    const refs = new Map<string, string>();
    let head: string | undefined;
    for (const line of output.toString('utf8').split('\n')) {
      const symref = /^ref: refs\/heads\/(\S+)\tHEAD$/.exec(line);
      if (symref) {
        head = symref[1];
        continue;
      }
      const [sha, name] = line.split('\t');
      if (!sha || !name || name === 'HEAD') continue;
      if (name.endsWith('^{}')) refs.set(name.slice(0, -3), sha);
      else if (!refs.has(name)) refs.set(name, sha);
    }
    return { refs, head };
  }

  async resolve(remote: GitRemote, ref: GitRepositoryRef, options: OperationOptions = {}): Promise<ResolvedRef> {
    return resolveRef(await this.listRefs(remote, options), ref);
  }

  async fetch(remote: GitRemote, resolved: ResolvedRef, options: OperationOptions = {}): Promise<void> {
    const dir = mirrorDirectory(this.cacheDir, remote.url, this.implementation);
    await this.lock.run(dir, async () => {
      await ensureBareRepository(dir);
      if (await hasCommit(dir, resolved.commit)) return;
      // Protocol v2 lets a client ask for a commit by id: one shallow fetch of exactly what is needed.
      await this.remoteGit(remote, ['fetch', '--quiet', '--depth=1', '--no-tags', remote.url, resolved.commit], { ...options, cwd: dir }).catch(
        async () => {
          if (!resolved.remoteRef) throw new GitError('not-found', `commit ${resolved.commit} not found`);
          await this.remoteGit(remote, ['fetch', '--quiet', '--no-tags', remote.url, resolved.remoteRef], { ...options, cwd: dir });
        },
      );
      if (!(await hasCommit(dir, resolved.commit))) {
        throw new GitError('not-found', `commit ${resolved.commit} not found on ${resolved.remoteRef ?? 'the remote'}`);
      }
    });
  }

  async archive(remote: GitRemote, resolved: ResolvedRef, options: ArchiveOptions): Promise<Archive> {
    const dir = mirrorDirectory(this.cacheDir, remote.url, this.implementation);
    const listing = await runGit(['ls-tree', '-r', '-z', '--full-tree', resolved.commit], { cwd: dir });
    const entries = listing
      .toString('utf8')
      .split('\0')
      .filter(Boolean)
      .map(line => {
        const [meta, file] = [line.slice(0, line.indexOf('\t')), line.slice(line.indexOf('\t') + 1)];
        const [mode, type, sha] = meta.split(' ');
        return { mode, type, sha, path: file };
      })
      .filter(entry => entry.type === 'blob');
    const blobs = await readBlobs(dir, entries.map(entry => entry.sha), options.maxBytes);
    const files: TreeFile[] = entries.map(entry => ({
      path: entry.path,
      mode: entry.mode,
      read: async () => blobs.get(entry.sha)!,
    }));
    return archiveTree(files, options);
  }

  private async remoteGit(remote: GitRemote, args: string[], options: OperationOptions & { cwd?: string }): Promise<Buffer> {
    const config: Record<string, string> = {};
    const header = authorizationHeader(remote);
    if (header) config['http.extraHeader'] = header;
    let caFile: string | undefined;
    if (remote.caCertificate) {
      caFile = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'gitops-ca-')), 'ca.pem');
      await fs.writeFile(caFile, remote.caCertificate, { mode: 0o600 });
      config['http.sslCAInfo'] = caFile;
    }
    try {
      return await runGit(args, {
        cwd: options.cwd,
        config,
        timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        signal: options.signal,
      });
    } catch (error) {
      if (error instanceof GitError) throw error;
      throw classifyGitFailure(remote.url, (error as Error).message);
    } finally {
      if (caFile) await fs.rm(path.dirname(caFile), { recursive: true, force: true });
    }
  }
}

export function authorizationHeader(remote: GitRemote): string | undefined {
  if (remote.auth?.bearerToken) return `Authorization: Bearer ${remote.auth.bearerToken}`;
  if (remote.auth?.username) {
    const basic = Buffer.from(`${remote.auth.username}:${remote.auth.password ?? ''}`).toString('base64');
    return `Authorization: Basic ${basic}`;
  }
  return undefined;
}

async function ensureBareRepository(dir: string): Promise<void> {
  if (await fs.stat(path.join(dir, 'HEAD')).then(() => true, () => false)) return;
  await fs.mkdir(dir, { recursive: true });
  await runGit(['init', '--bare', '--quiet', dir]);
}

async function hasCommit(dir: string, commit: string): Promise<boolean> {
  return runGit(['cat-file', '-e', `${commit}^{commit}`], { cwd: dir }).then(() => true, () => false);
}

/** Reads many blobs with one `git cat-file --batch`. */
async function readBlobs(dir: string, shas: string[], maxBytes: number): Promise<Map<string, Buffer>> {
  const unique = [...new Set(shas)];
  const output = await runGit(['cat-file', '--batch'], {
    cwd: dir,
    input: `${unique.join('\n')}\n`,
    maxOutputBytes: maxBytes + unique.length * 64 + 1024,
  }).catch(error => {
    if (error instanceof GitError) throw error;
    throw new GitError('invalid', `reading the tree failed: ${(error as Error).message}`);
  });
  const blobs = new Map<string, Buffer>();
  let offset = 0;
  while (offset < output.length) {
    const newline = output.indexOf(0x0a, offset);
    const [sha, type, size] = output.subarray(offset, newline).toString('utf8').split(' ');
    if (type !== 'blob') throw new GitError('invalid', `object ${sha} is ${type ?? 'missing'}`);
    const start = newline + 1;
    blobs.set(sha, output.subarray(start, start + Number(size)));
    offset = start + Number(size) + 1;
  }
  return blobs;
}
