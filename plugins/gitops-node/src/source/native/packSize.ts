import fs from 'node:fs/promises';
import path from 'node:path';
import { GitError } from '../errors';

const POLL_MS = 100;

/** Total size of the packs a bare repository holds. */
export async function packBytes(gitdir: string): Promise<number> {
  return sumSizes(path.join(gitdir, 'objects', 'pack'), name =>
    name.endsWith('.pack'),
  );
}

/**
 * A watch for `runGit` that stops a fetch once the pack being received (objects/pack/tmp_pack_*, written by
 * index-pack as the bytes arrive) passes the budget: git has no size limit of its own for fetches.
 */
export function watchIncomingPack(
  gitdir: string,
  budget: number,
  limit: number,
) {
  return {
    intervalMs: POLL_MS,
    check: async () => {
      const incoming = await sumSizes(
        path.join(gitdir, 'objects', 'pack'),
        name => name.startsWith('tmp_pack_'),
      );
      return incoming > budget ? fetchTooLarge(limit) : undefined;
    },
  };
}

async function sumSizes(
  dir: string,
  accept: (name: string) => boolean,
): Promise<number> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  let total = 0;
  for (const name of names) {
    if (!accept(name)) continue;
    total += await fs.stat(path.join(dir, name)).then(
      stat => stat.size,
      () => 0,
    );
  }
  return total;
}

export function fetchTooLarge(limit: number): GitError {
  return new GitError(
    'too-large',
    `the repository is larger than the fetch limit of ${limit} bytes`,
  );
}
