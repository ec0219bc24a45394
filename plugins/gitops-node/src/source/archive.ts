import { createHash } from 'node:crypto';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';
import { SOURCE_IGNORE_FILE, SourceIgnore } from './sourceIgnore';
import { Archive, ArchiveOptions, GitError } from './types';

/** One file of a commit's tree, as git stores it. */
export interface TreeFile {
  path: string;
  /** Git's mode: 100644, 100755 or 120000 (symlink). */
  mode: string;
  read(): Promise<Buffer>;
}

/**
 * Builds the artifact of a tree: a tar.gz with sorted entries and fixed metadata (mode 0644/0755, time 0,
 * uid/gid 0, no user names), so equal trees give equal bytes and an equal `sha256:` digest whatever git
 * implementation read them. Links that point outside the tree are left out.
 */
export async function archiveTree(files: TreeFile[], options: ArchiveOptions): Promise<Archive> {
  const sourceIgnores = new Map<string, string>();
  for (const file of files) {
    if (path.posix.basename(file.path) === SOURCE_IGNORE_FILE) {
      sourceIgnores.set(file.path, (await file.read()).toString('utf8'));
    }
  }
  const rules = new SourceIgnore(options.ignore, sourceIgnores);
  const kept = files
    .filter(file => isSafePath(file.path) && !rules.ignores(file.path))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const tar = pack();
  const chunks: Buffer[] = [];
  tar.on('data', (chunk: unknown) => chunks.push(chunk as Buffer));
  const finished = new Promise<void>((resolve, reject) => {
    tar.on('end', resolve);
    tar.on('error', reject);
  });
  let total = 0;
  let count = 0;
  for (const file of kept) {
    const content = await file.read();
    const header = { name: file.path, mtime: new Date(0), uid: 0, gid: 0, uname: '', gname: '' };
    if (file.mode === '120000') {
      const target = content.toString('utf8');
      if (!linkStaysInside(file.path, target)) continue;
      tar.entry({ ...header, type: 'symlink', linkname: target, mode: 0o777 });
    } else {
      total += content.length;
      if (total > options.maxBytes) {
        tar.destroy();
        throw new GitError('too-large', `the source is larger than the ${options.maxBytes}-byte artifact limit`);
      }
      tar.entry({ ...header, type: 'file', mode: file.mode === '100755' ? 0o755 : 0o644, size: content.length }, content);
    }
    count += 1;
  }
  tar.finalize();
  await finished;
  const content = gzipSync(Buffer.concat(chunks), { level: 6 });
  return { content, digest: digestOf(content), files: count };
}

export function digestOf(content: Buffer): string {
  return `sha256:${createHash('sha256').update(content).digest('hex')}`;
}

function isSafePath(file: string): boolean {
  return !file.startsWith('/') && !file.split('/').some(part => part === '..' || part === '' || part === '.git');
}

function linkStaysInside(file: string, target: string): boolean {
  if (path.posix.isAbsolute(target)) return false;
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), target));
  return !resolved.startsWith('../') && resolved !== '..';
}
