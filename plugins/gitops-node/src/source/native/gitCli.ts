import { spawn } from 'node:child_process';
import os from 'node:os';
import { GitError } from '../errors';

export interface GitRunOptions {
  cwd?: string;
  /** `-c` settings, passed through the environment so they never show in the process list. */
  config?: Array<[string, string]>;
  input?: Buffer | string;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Stop and fail with `too-large` when stdout grows past this many bytes. */
  maxOutputBytes?: number;
  /** Polled while git runs; an error it returns stops git and becomes the result. */
  watch?: { intervalMs: number; check(): Promise<GitError | undefined> };
}

/** git exited non-zero: the exit code and its stderr, for the caller to classify. */
export class GitCommandError extends Error {
  constructor(
    readonly command: string,
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(`git ${command} exited with ${exitCode}: ${stderr.trim()}`);
    this.name = 'GitCommandError';
  }
}

/**
 * The environment git runs with: no inherited GIT_* variables (a hook's GIT_DIR must not leak in), no
 * system or global config (no credential helpers, no rewrites), no prompts, stable messages.
 */
function gitEnvironment(config: Array<[string, string]>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('GIT_') && key !== 'SSH_ASKPASS') env[key] = value;
  }
  Object.assign(env, {
    GIT_TERMINAL_PROMPT: '0',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: os.devNull,
    LC_ALL: 'C',
    LANGUAGE: 'C',
    GIT_CONFIG_COUNT: String(config.length),
  });
  config.forEach(([key, value], index) => {
    env[`GIT_CONFIG_KEY_${index}`] = key;
    env[`GIT_CONFIG_VALUE_${index}`] = value;
  });
  return env;
}

/** Runs `git` and returns its stdout; git and its helpers run in their own process group, killed as one. */
export function runGit(
  args: string[],
  options: GitRunOptions = {},
): Promise<Buffer> {
  const command = args[0] ?? 'git';
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      cwd: options.cwd,
      env: gitEnvironment(options.config ?? []),
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let size = 0;
    let failure: Error | undefined;
    const stop = (error: Error) => {
      failure ??= error;
      killTree(child.pid, () => child.kill('SIGKILL'));
    };
    const timer =
      options.timeoutMs !== undefined
        ? setTimeout(
            () =>
              stop(
                new GitError(
                  'timeout',
                  `git ${command} did not finish within ${options.timeoutMs} ms`,
                ),
              ),
            Math.max(1, options.timeoutMs),
          )
        : undefined;
    const onAbort = () =>
      stop(new GitError('timeout', `git ${command} was cancelled`));
    if (options.signal?.aborted) onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    let polling = false;
    const poller = options.watch
      ? setInterval(() => {
          if (polling) return;
          polling = true;
          options
            .watch!.check()
            .then(
              error => error && stop(error),
              () => undefined,
            )
            .finally(() => (polling = false));
        }, options.watch.intervalMs)
      : undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (
        options.maxOutputBytes !== undefined &&
        size > options.maxOutputBytes
      ) {
        stop(
          new GitError(
            'too-large',
            `git ${command} output passed ${options.maxOutputBytes} bytes`,
          ),
        );
        return;
      }
      stdout.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', error => {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      stop(
        missing
          ? new GitError(
              'invalid',
              'the git command line is not installed (not on the PATH)',
            )
          : error,
      );
    });
    child.on('close', code => {
      clearTimeout(timer);
      clearInterval(poller);
      options.signal?.removeEventListener('abort', onAbort);
      if (failure) reject(failure);
      else if (code !== 0)
        reject(
          new GitCommandError(
            command,
            code,
            Buffer.concat(stderr).toString('utf8'),
          ),
        );
      else resolve(Buffer.concat(stdout));
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

function killTree(pid: number | undefined, fallback: () => void): void {
  if (pid === undefined) return;
  try {
    if (process.platform === 'win32') fallback();
    else process.kill(-pid, 'SIGKILL');
  } catch {
    fallback();
  }
}
