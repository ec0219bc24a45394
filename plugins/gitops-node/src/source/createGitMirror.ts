import { spawnSync } from 'node:child_process';
import { DEFAULT_TIMEOUT_MS } from './deadline';
import { IsomorphicGitMirror } from './isomorphic/isomorphicGitMirror';
import { NativeGitMirror } from './native/nativeGitMirror';
import { GitMirror } from './types';

export interface GitMirrorOptions {
  /** `auto` (the default) uses the git CLI where it is on the PATH, isomorphic-git elsewhere. */
  implementation?: 'auto' | 'native' | 'isomorphic';
  /** Where the bare mirrors live (one per URL and implementation). */
  cacheDir: string;
  /** Default time limit of an operation (Flux's default `spec.timeout` is 60 s). */
  timeoutMs?: number;
  /** Default largest pack a fetch may receive (1 GiB). */
  maxFetchBytes?: number;
  /** Heap limit of the isomorphic-git fetch worker in MB (default 1024); 0 runs fetches in-process. */
  workerMemoryMb?: number;
}

export interface MirrorSettings {
  cacheDir: string;
  timeoutMs: number;
  maxFetchBytes: number;
  workerMemoryMb: number;
}

const DEFAULT_MAX_FETCH_BYTES = 1024 * 1024 * 1024;
const DEFAULT_WORKER_MEMORY_MB = 1024;

export function createGitMirror(options: GitMirrorOptions): GitMirror {
  const settings = mirrorSettings(options);
  const wanted = options.implementation ?? 'auto';
  const implementation =
    wanted === 'auto' ? (gitOnPath() ? 'native' : 'isomorphic') : wanted;
  return implementation === 'native'
    ? new NativeGitMirror(settings)
    : new IsomorphicGitMirror(settings);
}

export function mirrorSettings(options: GitMirrorOptions): MirrorSettings {
  return {
    cacheDir: options.cacheDir,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxFetchBytes: options.maxFetchBytes ?? DEFAULT_MAX_FETCH_BYTES,
    workerMemoryMb: options.workerMemoryMb ?? DEFAULT_WORKER_MEMORY_MB,
  };
}

let gitFound: boolean | undefined;

/** Whether a working `git` (2.31 or later: config through the environment) is on the PATH. */
export function gitOnPath(): boolean {
  if (gitFound === undefined) {
    const result = spawnSync('git', ['--version'], { encoding: 'utf8' });
    const [, major, minor] =
      /git version (\d+)\.(\d+)/.exec(result.stdout ?? '') ?? [];
    gitFound =
      result.status === 0 &&
      (Number(major) > 2 || (Number(major) === 2 && Number(minor) >= 31));
  }
  return gitFound;
}
