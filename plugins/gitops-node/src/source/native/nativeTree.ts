import { TreeEntry, TreeSource } from '../archive';
import { GitError } from '../errors';
import { runGit } from './gitCli';

/** Per-object overhead of `cat-file --batch` output: "<oid> blob <size>\n" and a trailing newline. */
const BATCH_OVERHEAD = 64;

/** Reads a commit's tree from a bare repository with `ls-tree` and one `cat-file --batch`, never a checkout. */
export class NativeTreeSource implements TreeSource {
  constructor(private readonly gitdir: string) {}

  async list(commit: string): Promise<TreeEntry[]> {
    await runGit(['cat-file', '-e', `${commit}^{commit}`], {
      cwd: this.gitdir,
    }).catch(() => {
      throw new GitError(
        'not-found',
        `commit ${commit} is not in the mirror: fetch it first`,
      );
    });
    const listing = await runGit(
      ['ls-tree', '-r', '-l', '-z', '--full-tree', commit],
      { cwd: this.gitdir },
    );
    const entries: TreeEntry[] = [];
    for (const record of listing.toString('utf8').split('\0')) {
      if (!record) continue;
      const tab = record.indexOf('\t');
      const [mode, type, oid, size] = record.slice(0, tab).split(/ +/);
      if (type !== 'blob' && type !== 'commit') continue;
      entries.push({
        path: record.slice(tab + 1),
        mode,
        oid,
        size: size === '-' ? undefined : Number(size),
      });
    }
    return entries;
  }

  async read(oids: string[], maxBytes: number): Promise<Map<string, Buffer>> {
    const blobs = new Map<string, Buffer>();
    if (oids.length === 0) return blobs;
    const output = await runGit(['cat-file', '--batch'], {
      cwd: this.gitdir,
      input: `${oids.join('\n')}\n`,
      maxOutputBytes: maxBytes + oids.length * BATCH_OVERHEAD,
    }).catch(error => {
      if (error instanceof GitError && error.kind === 'too-large') {
        throw new GitError(
          'too-large',
          `the source is larger than the artifact limit of ${maxBytes} bytes`,
        );
      }
      throw error;
    });
    let offset = 0;
    let total = 0;
    while (offset < output.length) {
      const newline = output.indexOf(0x0a, offset);
      const [oid, type, size] = output
        .subarray(offset, newline)
        .toString('utf8')
        .split(' ');
      if (type !== 'blob')
        throw new GitError(
          'invalid',
          `object ${oid} is ${type ?? 'missing'}, not a file`,
        );
      const start = newline + 1;
      const length = Number(size);
      total += length;
      if (total > maxBytes)
        throw new GitError(
          'too-large',
          `the source is larger than the artifact limit of ${maxBytes} bytes`,
        );
      blobs.set(oid, output.subarray(start, start + length));
      offset = start + length + 1;
    }
    return blobs;
  }
}
