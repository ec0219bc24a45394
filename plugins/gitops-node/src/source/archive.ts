import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';
import { digestOf } from './artifact';
import { GitError } from './errors';
import { SOURCE_IGNORE_FILE, SourceIgnore } from './sourceIgnore';
import { linkStaysInside } from './treePaths';
import { Archive, ArchiveOptions } from './types';

/** One entry of a commit's tree, as git stores it. */
export interface TreeEntry {
  /** Relative to the tree root, `/`-separated. */
  path: string;
  /** Git's mode: `100644`, `100755`, `120000` (symlink) or `160000` (submodule). */
  mode: string;
  oid: string;
  /** Blob size, when the reader knows it without reading the blob. */
  size?: number;
}

/** Read access to one commit's objects, from whichever git implementation holds them. */
export interface TreeSource {
  /** Every non-directory entry of the commit's tree, recursively. */
  list(commit: string): Promise<TreeEntry[]>;
  /** Reads blobs; fails with `too-large` once their total passes `maxBytes`. */
  read(oids: string[], maxBytes: number): Promise<Map<string, Buffer>>;
}

const REGULAR = new Set(['100644', '100755', '100664']);
const SYMLINK = '120000';
const FILE_MODE = 0o644;
const EXECUTABLE_MODE = 0o755;
const DIRECTORY_MODE = 0o755;
const EPOCH = new Date(0);
/** Byte 9 of a gzip header names the OS that wrote it; "unknown" keeps the bytes the same everywhere. */
const GZIP_OS_BYTE = 9;
const GZIP_OS_UNKNOWN = 0xff;

/**
 * Builds a commit's artifact straight from git objects: a tar.gz with sorted entries and fixed metadata
 * (mode 0644/0755, mtime 0, uid/gid 0, no user names, gzip without time or OS), so equal trees give equal
 * bytes and an equal `sha256:` digest whatever git implementation read them. Flux's ignore rules apply;
 * symlinks pointing outside the tree are dropped; paths that could escape the root fail the archive.
 */
export async function archiveTree(
  source: TreeSource,
  commit: string,
  options: ArchiveOptions,
): Promise<Archive> {
  const entries = await source.list(commit);
  for (const entry of entries) checkEntryPath(entry.path, commit);

  const ignoreFiles = entries.filter(
    e =>
      REGULAR.has(e.mode) && path.posix.basename(e.path) === SOURCE_IGNORE_FILE,
  );
  const ignoreTexts = await source.read(
    unique(ignoreFiles.map(e => e.oid)),
    options.maxBytes,
  );
  const rules = new SourceIgnore(
    ignoreFiles.map(e => ({
      dir: dirOf(e.path),
      content: ignoreTexts.get(e.oid)!.toString('utf8'),
    })),
    options.ignore,
  );

  const kept = entries
    .filter(
      e =>
        (REGULAR.has(e.mode) || e.mode === SYMLINK) && !rules.ignores(e.path),
    )
    .sort((a, b) => compare(a.path, b.path));
  const knownTotal = kept.reduce(
    (sum, e) => sum + (REGULAR.has(e.mode) ? e.size ?? 0 : 0),
    0,
  );
  if (knownTotal > options.maxBytes) throw tooLarge(options.maxBytes);
  const contents = await source.read(
    unique(kept.map(e => e.oid)),
    options.maxBytes,
  );
  const links = await linkTargets(source, entries, contents, options.maxBytes);

  const tar = pack();
  const chunks: Buffer[] = [];
  tar.on('data', (chunk: unknown) => {
    chunks.push(chunk as Buffer);
  });
  const ended = new Promise<void>((resolve, reject) => {
    tar.on('end', () => resolve());
    tar.on('error', reject);
  });
  const common = { mtime: EPOCH, uid: 0, gid: 0, uname: '', gname: '' };
  const directories = new Set<string>();
  let files = 0;
  let total = 0;
  for (const entry of kept) {
    const content = contents.get(entry.oid)!;
    let header;
    if (entry.mode === SYMLINK) {
      const target = content.toString('utf8');
      if (!linkStaysInside(entry.path, target, links)) continue;
      header = {
        ...common,
        name: entry.path,
        type: 'symlink' as const,
        linkname: target,
        mode: 0o777,
      };
    } else {
      total += content.length;
      if (total > options.maxBytes) throw tooLarge(options.maxBytes);
      const mode = entry.mode === '100755' ? EXECUTABLE_MODE : FILE_MODE;
      header = {
        ...common,
        name: entry.path,
        type: 'file' as const,
        mode,
        size: content.length,
      };
    }
    for (const dir of parentsOf(entry.path)) {
      if (directories.has(dir)) continue;
      directories.add(dir);
      tar.entry({
        ...common,
        name: `${dir}/`,
        type: 'directory',
        mode: DIRECTORY_MODE,
      });
    }
    if (header.type === 'symlink') tar.entry(header);
    else tar.entry(header, content);
    files += 1;
  }
  tar.finalize();
  await ended;
  const content = gzipSync(Buffer.concat(chunks), { level: 6 });
  content[GZIP_OS_BYTE] = GZIP_OS_UNKNOWN;
  return { content, digest: digestOf(content), files };
}

/** Git refuses these names in trees; a hostile server could still send them, so they fail the archive. */
function checkEntryPath(file: string, commit: string): void {
  const bad =
    file.startsWith('/') ||
    file
      .split('/')
      .some(
        s =>
          s === '' ||
          s === '.' ||
          s === '..' ||
          s.toLowerCase() === '.git' ||
          s.includes('\0'),
      );
  if (bad)
    throw new GitError(
      'invalid',
      `the tree of ${commit} holds an unsafe path '${file.replace(
        /\0/g,
        '\\0',
      )}'`,
    );
}

/** Every symlink of the tree (kept or not), so chains of links are judged on the whole tree. */
async function linkTargets(
  source: TreeSource,
  entries: TreeEntry[],
  known: Map<string, Buffer>,
  maxBytes: number,
): Promise<Map<string, string>> {
  const symlinks = entries.filter(e => e.mode === SYMLINK);
  const missing = unique(
    symlinks.filter(e => !known.has(e.oid)).map(e => e.oid),
  );
  const extra =
    missing.length > 0
      ? await source.read(missing, maxBytes)
      : new Map<string, Buffer>();
  return new Map(
    symlinks.map(e => [
      e.path,
      (known.get(e.oid) ?? extra.get(e.oid))!.toString('utf8'),
    ]),
  );
}

function parentsOf(file: string): string[] {
  const segments = file.split('/');
  return segments
    .slice(0, -1)
    .map((_, i) => segments.slice(0, i + 1).join('/'));
}

function dirOf(file: string): string {
  const dir = path.posix.dirname(file);
  return dir === '.' ? '' : dir;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function compare(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function tooLarge(maxBytes: number): GitError {
  return new GitError(
    'too-large',
    `the source is larger than the artifact limit of ${maxBytes} bytes`,
  );
}
