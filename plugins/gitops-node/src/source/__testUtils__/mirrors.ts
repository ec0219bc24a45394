import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { extractArtifact } from '../artifact';
import { createGitMirror, GitMirrorOptions } from '../createGitMirror';
import { GitImplementation, GitMirror } from '../types';

export const IMPLEMENTATIONS: GitImplementation[] = ['native', 'isomorphic'];

const scratch: string[] = [];

/** A mirror of the given implementation on a fresh cache directory (removed by `removeScratch`). */
export async function newMirror(
  implementation: GitImplementation,
  options: Partial<GitMirrorOptions> = {},
): Promise<GitMirror> {
  const cacheDir = await fs.mkdtemp(
    path.join(os.tmpdir(), `gitops-mirror-${implementation}-`),
  );
  scratch.push(cacheDir);
  return createGitMirror({ implementation, cacheDir, ...options });
}

export async function removeScratch(): Promise<void> {
  await Promise.all(
    scratch.splice(0).map(dir => fs.rm(dir, { recursive: true, force: true })),
  );
}

/** Unpacks an artifact and returns its files (symlinks as `-> target`). */
export async function unpack(content: Buffer): Promise<Record<string, string>> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gitops-unpack-'));
  scratch.push(dir);
  await extractArtifact(content, dir, { maxBytes: 64 * 1024 * 1024 });
  const files: Record<string, string> = {};
  const walk = async (sub: string) => {
    for (const entry of await fs.readdir(path.join(dir, sub), {
      withFileTypes: true,
    })) {
      const relative = sub ? `${sub}/${entry.name}` : entry.name;
      const full = path.join(dir, relative);
      if (entry.isSymbolicLink())
        files[relative] = `-> ${await fs.readlink(full)}`;
      else if (entry.isDirectory()) await walk(relative);
      else files[relative] = await fs.readFile(full, 'utf8');
    }
  };
  await walk('');
  return files;
}

/** Incompressible bytes, so pack sizes reflect what was sent. */
export function noise(bytes: number, seed: number): string {
  let state = seed >>> 0 || 1;
  let out = '';
  while (out.length < bytes) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out += (state >>> 0).toString(36);
  }
  return out.slice(0, bytes);
}
