import fs from 'node:fs/promises';
import path from 'node:path';

/** The files a fetch adds or rewrites in a bare mirror: its packs and its shallow boundary. */
export interface MirrorFiles {
  packs: Set<string>;
  shallow: Buffer | undefined;
}

export async function snapshotFiles(gitdir: string): Promise<MirrorFiles> {
  return {
    packs: new Set(
      await fs.readdir(packDir(gitdir)).catch(() => [] as string[]),
    ),
    shallow: await fs
      .readFile(path.join(gitdir, 'shallow'))
      .catch(() => undefined),
  };
}

/**
 * Removes the packs a failed fetch left (half-written, or refused for size) and puts the shallow boundary
 * back: a boundary naming a commit the mirror lacks would make the server skip sending it next time.
 */
export async function restoreFiles(
  gitdir: string,
  before: MirrorFiles,
): Promise<void> {
  for (const name of await fs
    .readdir(packDir(gitdir))
    .catch(() => [] as string[])) {
    if (!before.packs.has(name))
      await fs.rm(path.join(packDir(gitdir), name), { force: true });
  }
  await removeStaleLocks(gitdir);
  const shallowFile = path.join(gitdir, 'shallow');
  if (before.shallow) await fs.writeFile(shallowFile, before.shallow);
  else await fs.rm(shallowFile, { force: true });
}

/**
 * A git killed mid-fetch (timeout, size limit) leaves its lock files behind, and the next git in the mirror
 * would refuse to start. Fetches into one mirror are serialized, so any lock found here is stale.
 */
async function removeStaleLocks(gitdir: string): Promise<void> {
  for (const name of ['shallow.lock', 'packed-refs.lock', 'HEAD.lock', 'config.lock', 'FETCH_HEAD.lock']) {
    await fs.rm(path.join(gitdir, name), { force: true });
  }
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await fs.readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name.endsWith('.lock')) await fs.rm(full, { force: true });
    }
  };
  await walk(path.join(gitdir, 'refs'));
}

export async function packCount(gitdir: string): Promise<number> {
  const names = await fs.readdir(packDir(gitdir)).catch(() => [] as string[]);
  return names.filter(name => name.endsWith('.pack')).length;
}

function packDir(gitdir: string): string {
  return path.join(gitdir, 'objects', 'pack');
}
