import { spawnSync } from 'node:child_process';
import { IsomorphicGitMirror } from './isomorphicGitMirror';
import { NativeGitMirror } from './nativeGitMirror';
import { GitMirror } from './types';

export interface GitMirrorOptions {
  /** `auto` uses the git CLI where it is on the PATH, isomorphic-git elsewhere. */
  implementation: 'auto' | 'native' | 'isomorphic';
  /** Where the bare mirrors live. */
  cacheDir: string;
}

export function createGitMirror(options: GitMirrorOptions): GitMirror {
  const implementation = options.implementation === 'auto' ? (gitOnPath() ? 'native' : 'isomorphic') : options.implementation;
  return implementation === 'native' ? new NativeGitMirror(options.cacheDir) : new IsomorphicGitMirror(options.cacheDir);
}

function gitOnPath(): boolean {
  return spawnSync('git', ['--version'], { stdio: 'ignore' }).status === 0;
}
