import git from 'isomorphic-git';
import fs from 'node:fs';
import { TreeEntry, TreeSource } from '../archive';
import { GitError } from '../errors';

/** Reads a commit's tree object by object with isomorphic-git, sharing its pack cache. */
export class IsomorphicTreeSource implements TreeSource {
  constructor(
    private readonly gitdir: string,
    private readonly cache: object,
  ) {}

  async list(commit: string): Promise<TreeEntry[]> {
    const { gitdir, cache } = this;
    const tree = await git
      .readCommit({ fs, gitdir, oid: commit, cache })
      .then(result => result.commit.tree)
      .catch(() => {
        throw new GitError(
          'not-found',
          `commit ${commit} is not in the mirror: fetch it first`,
        );
      });
    const entries: TreeEntry[] = [];
    const walk = async (oid: string, prefix: string) => {
      const { tree: items } = await git.readTree({ fs, gitdir, oid, cache });
      for (const item of items) {
        const itemPath = prefix ? `${prefix}/${item.path}` : item.path;
        if (item.type === 'tree') await walk(item.oid, itemPath);
        else entries.push({ path: itemPath, mode: item.mode, oid: item.oid });
      }
    };
    await walk(tree, '').catch(error => {
      if ((error as { code?: string }).code !== 'UnsafeFilepathError')
        throw error;
      throw new GitError(
        'invalid',
        `the tree of ${commit} holds an unsafe path: ${
          (error as Error).message
        }`,
      );
    });
    return entries;
  }

  async read(oids: string[], maxBytes: number): Promise<Map<string, Buffer>> {
    const blobs = new Map<string, Buffer>();
    let total = 0;
    for (const oid of oids) {
      const { blob } = await git.readBlob({
        fs,
        gitdir: this.gitdir,
        oid,
        cache: this.cache,
      });
      total += blob.byteLength;
      if (total > maxBytes)
        throw new GitError(
          'too-large',
          `the source is larger than the artifact limit of ${maxBytes} bytes`,
        );
      blobs.set(
        oid,
        Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength),
      );
    }
    return blobs;
  }
}
