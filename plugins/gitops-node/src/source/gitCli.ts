import { spawn } from 'node:child_process';
import { GitError } from './types';

export interface GitCliOptions {
  cwd?: string;
  /** Extra `-c` settings passed through the environment, so they never show in the process list. */
  config?: Record<string, string>;
  input?: Buffer | string;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Stop and fail when stdout grows past this many bytes. */
  maxOutputBytes?: number;
}

/** Runs `git` and returns stdout; a non-zero exit rejects with stderr in the message (for classification). */
export function runGit(args: string[], options: GitCliOptions = {}): Promise<Buffer> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GIT_TERMINAL_PROMPT: '0',
    GIT_ASKPASS: 'echo',
    GIT_CONFIG_NOSYSTEM: '1',
    LC_ALL: 'C',
  };
  const entries = Object.entries(options.config ?? {});
  env.GIT_CONFIG_COUNT = String(entries.length);
  entries.forEach(([key, value], index) => {
    env[`GIT_CONFIG_KEY_${index}`] = key;
    env[`GIT_CONFIG_VALUE_${index}`] = value;
  });
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd: options.cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let size = 0;
    let failure: Error | undefined;
    const stop = (error: Error) => {
      failure ??= error;
      child.kill('SIGKILL');
    };
    const timer = options.timeoutMs
      ? setTimeout(() => stop(new GitError('timeout', `git ${args[0]} did not finish within ${options.timeoutMs} ms`)), options.timeoutMs)
      : undefined;
    const onAbort = () => stop(new GitError('timeout', `git ${args[0]} was cancelled`));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (options.maxOutputBytes && size > options.maxOutputBytes) {
        stop(new GitError('too-large', `git ${args[0]} output is larger than ${options.maxOutputBytes} bytes`));
        return;
      }
      stdout.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', error => stop(error));
    child.on('close', code => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (failure) reject(failure);
      else if (code !== 0) reject(new Error(Buffer.concat(stderr).toString('utf8') || `git ${args[0]} exited with ${code}`));
      else resolve(Buffer.concat(stdout));
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}
