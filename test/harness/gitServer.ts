import { timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { runGit } from './gitCommands';
import { sendText, serveWithGitHttpBackend } from './gitHttpBackend';

export interface GitServerOptions {
  basicAuth?: { username: string; password: string };
  bearerToken?: string;
}

export interface GitServer {
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  /** Directory holding the bare repositories `<name>.git`. */
  root: string;
  /** Creates bare repo <name>.git with one commit of `files` on `branch` (default 'main'); returns clone URL and sha. */
  createRepository(
    name: string,
    files: Record<string, string>,
    options?: { branch?: string },
  ): Promise<{ url: string; commit: string }>;
  /** Commits to a branch of an existing repo: string = write file, null = delete file. Returns the new sha. */
  commit(
    name: string,
    files: Record<string, string | null>,
    options?: { branch?: string; message?: string },
  ): Promise<string>;
  /** Creates an annotated (or lightweight when annotated=false) tag at the branch head; returns the tagged commit's sha. */
  tag(
    name: string,
    tag: string,
    options?: { branch?: string; annotated?: boolean },
  ): Promise<string>;
  stop(): Promise<void>;
}

const REALM = 'gitops-test';

/** Starts a smart-HTTP git server on a free loopback port, serving bare repositories from a fresh temp dir. */
export async function startGitServer(
  options: GitServerOptions = {},
): Promise<GitServer> {
  const root = await mkdtemp(join(tmpdir(), 'gitops-git-'));
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const auth = authenticate(req, options);
    if (!auth.ok) {
      const challenge = options.basicAuth
        ? `Basic realm="${REALM}"`
        : `Bearer realm="${REALM}"`;
      sendText(res, 401, 'Authentication required\n', {
        'WWW-Authenticate': challenge,
      });
      req.resume();
      return;
    }
    serveWithGitHttpBackend(req, res, {
      projectRoot: root,
      remoteUser: auth.user,
    });
  });
  server.on('connection', socket => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolvePromise());
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;

  // Repository changes are serialised so concurrent test helpers never race on a push.
  let queue: Promise<unknown> = Promise.resolve();
  const serialised = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const barePath = (name: string) =>
    join(root, `${validateRepoName(name)}.git`);
  const requireRepo = (name: string) => {
    const path = barePath(name);
    if (!existsSync(path))
      throw new Error(`Git server has no repository named '${name}'`);
    return path;
  };

  const withScratch = async <T>(
    work: (dir: string) => Promise<T>,
  ): Promise<T> => {
    const dir = await mkdtemp(join(tmpdir(), 'gitops-git-work-'));
    try {
      return await work(dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };

  return {
    baseUrl,
    root,
    createRepository: (name, files, opts = {}) =>
      serialised(async () => {
        const branch = validateBranch(opts.branch ?? 'main');
        const bare = barePath(name);
        if (existsSync(bare))
          throw new Error(`Repository '${name}' already exists`);
        await mkdir(dirname(bare), { recursive: true });
        await runGit([
          'init',
          '--quiet',
          '--bare',
          `--initial-branch=${branch}`,
          bare,
        ]);
        const commit = await withScratch(async work => {
          await runGit(['init', '--quiet', `--initial-branch=${branch}`, work]);
          await applyFiles(work, files);
          await runGit(['add', '--all'], { cwd: work });
          await runGit(
            ['commit', '--quiet', '--allow-empty', '-m', 'Initial commit'],
            { cwd: work },
          );
          await runGit(['push', '--quiet', bare, `HEAD:refs/heads/${branch}`], {
            cwd: work,
          });
          return runGit(['rev-parse', 'HEAD'], { cwd: work });
        });
        return { url: `${baseUrl}/${name}.git`, commit };
      }),
    commit: (name, files, opts = {}) =>
      serialised(async () => {
        const branch = validateBranch(opts.branch ?? 'main');
        const bare = requireRepo(name);
        const branchExists = await runGit([
          '--git-dir',
          bare,
          'rev-parse',
          '--verify',
          '--quiet',
          `refs/heads/${branch}`,
        ]).then(
          () => true,
          () => false,
        );
        return withScratch(async work => {
          if (branchExists) {
            await runGit(['clone', '--quiet', '--branch', branch, bare, work]);
          } else {
            await runGit(['clone', '--quiet', bare, work]);
            await runGit(['checkout', '--quiet', '-b', branch], { cwd: work });
          }
          await applyFiles(work, files);
          await runGit(['add', '--all'], { cwd: work });
          await runGit(
            [
              'commit',
              '--quiet',
              '--allow-empty',
              '-m',
              opts.message ?? `Update ${branch}`,
            ],
            { cwd: work },
          );
          await runGit(
            ['push', '--quiet', 'origin', `HEAD:refs/heads/${branch}`],
            { cwd: work },
          );
          return runGit(['rev-parse', 'HEAD'], { cwd: work });
        });
      }),
    tag: (name, tag, opts = {}) =>
      serialised(async () => {
        const branch = validateBranch(opts.branch ?? 'main');
        const tagName = validateBranch(tag);
        const bare = requireRepo(name);
        const target = await runGit([
          '--git-dir',
          bare,
          'rev-parse',
          '--verify',
          `refs/heads/${branch}^{commit}`,
        ]);
        if (opts.annotated === false) {
          await runGit(['--git-dir', bare, 'tag', tagName, target]);
        } else {
          await runGit([
            '--git-dir',
            bare,
            'tag',
            '-a',
            tagName,
            '-m',
            `Release ${tagName}`,
            target,
          ]);
        }
        return target;
      }),
    stop: async () => {
      await new Promise<void>(resolvePromise => {
        server.close(() => resolvePromise());
        for (const socket of sockets) socket.destroy();
      });
      await rm(root, { recursive: true, force: true });
    },
  };
}

function authenticate(
  req: IncomingMessage,
  options: GitServerOptions,
): { ok: boolean; user?: string } {
  if (!options.basicAuth && !options.bearerToken) return { ok: true };
  const header = req.headers.authorization ?? '';
  const [scheme, value = ''] = header.split(/\s+/, 2);
  if (options.basicAuth && scheme?.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon >= 0) {
      const user = decoded.slice(0, colon);
      const password = decoded.slice(colon + 1);
      if (
        safeEqual(user, options.basicAuth.username) &&
        safeEqual(password, options.basicAuth.password)
      ) {
        return { ok: true, user };
      }
    }
  }
  if (
    options.bearerToken &&
    scheme?.toLowerCase() === 'bearer' &&
    safeEqual(value, options.bearerToken)
  ) {
    return { ok: true, user: 'bearer-token' };
  }
  return { ok: false };
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function validateRepoName(name: string): string {
  const segments = name.split('/');
  if (
    !name ||
    segments.some(
      s =>
        !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(s) ||
        s.endsWith('.git') ||
        s.includes('..'),
    )
  ) {
    throw new Error(
      `Invalid repository name '${name}': use letters, digits, '.', '_', '-' and '/' (without .git)`,
    );
  }
  return name;
}

function validateBranch(ref: string): string {
  if (
    !/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(ref) ||
    ref.includes('..') ||
    ref.endsWith('/') ||
    ref.endsWith('.lock')
  ) {
    throw new Error(`Invalid ref name '${ref}'`);
  }
  return ref;
}

async function applyFiles(
  workTree: string,
  files: Record<string, string | null>,
): Promise<void> {
  for (const [relative, content] of Object.entries(files)) {
    const target = resolve(workTree, relative);
    const inside = target.startsWith(workTree + sep);
    const firstSegment = target.slice(workTree.length + 1).split(sep)[0];
    if (!inside || firstSegment === '.git') {
      throw new Error(
        `File path '${relative}' is outside the repository work tree`,
      );
    }
    if (content === null) {
      await rm(target, { recursive: true, force: true });
    } else {
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, content);
    }
  }
}
