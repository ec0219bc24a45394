import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync, gunzipSync } from 'node:zlib';
import { extract, pack } from 'tar-stream';
import { archiveTree, TreeEntry, TreeSource } from './archive';
import { ArtifactError, digestOf, extractArtifact } from './artifact';

type Entry = {
  name: string;
  type?: 'file' | 'directory' | 'symlink' | 'link';
  content?: string;
  linkname?: string;
  mode?: number;
};

async function tarGz(entries: Entry[]): Promise<Buffer> {
  const tar = pack();
  const chunks: Buffer[] = [];
  tar.on('data', (chunk: unknown) => {
    chunks.push(chunk as Buffer);
  });
  const done = new Promise<void>(resolve => tar.on('end', () => resolve()));
  for (const { content, ...header } of entries) {
    if (content !== undefined)
      tar.entry({ ...header, type: header.type ?? 'file' }, content);
    else tar.entry({ ...header, type: header.type ?? 'file' });
  }
  tar.finalize();
  await done;
  return gzipSync(Buffer.concat(chunks));
}

async function listTar(
  content: Buffer,
): Promise<Array<Record<string, unknown>>> {
  const headers: Array<Record<string, unknown>> = [];
  const untar = extract();
  const done = new Promise<void>((resolve, reject) => {
    untar.on('entry', (header, stream, next) => {
      headers.push({ ...header });
      stream.on('end', () => next());
      stream.resume();
    });
    untar.on('finish', () => resolve());
    untar.on('error', reject);
  });
  untar.end(gunzipSync(content));
  await done;
  return headers;
}

const dirs: string[] = [];
async function scratch(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gitops-extract-'));
  dirs.push(dir);
  return path.join(dir, 'out');
}
afterAll(() =>
  Promise.all(dirs.map(dir => fs.rm(dir, { recursive: true, force: true }))),
);

/** An in-memory tree: enough to check the archive format without a repository. */
function memoryTree(
  files: Record<string, { mode: string; content: string }>,
): TreeSource {
  const blobs = new Map(
    Object.entries(files).map(([file, { content }]) => [
      `oid:${file}`,
      Buffer.from(content),
    ]),
  );
  return {
    list: async () =>
      Object.entries(files).map(
        ([file, { mode }]): TreeEntry => ({
          path: file,
          mode,
          oid: `oid:${file}`,
        }),
      ),
    read: async oids => new Map(oids.map(oid => [oid, blobs.get(oid)!])),
  };
}

describe('archiveTree format', () => {
  it('writes sorted entries with fixed metadata and a gzip header without time or OS', async () => {
    const source = memoryTree({
      'b.yaml': { mode: '100644', content: 'b' },
      'a/run.sh': { mode: '100755', content: '#!/bin/sh\n' },
      'a-b.yaml': { mode: '100644', content: 'ab' },
      link: { mode: '120000', content: 'b.yaml' },
    });
    const archive = await archiveTree(source, 'c0ffee', { maxBytes: 1000 });
    expect(archive.digest).toBe(digestOf(archive.content));
    expect([...archive.content.subarray(4, 10)]).toEqual([0, 0, 0, 0, 0, 0xff]);
    const headers = await listTar(archive.content);
    expect(
      headers.map(h => [h.name, h.type, (h.mode as number).toString(8)]),
    ).toEqual([
      ['a-b.yaml', 'file', '644'],
      ['a/', 'directory', '755'],
      ['a/run.sh', 'file', '755'],
      ['b.yaml', 'file', '644'],
      ['link', 'symlink', '777'],
    ]);
    for (const header of headers) {
      expect(header).toMatchObject({
        uid: 0,
        gid: 0,
        uname: '',
        gname: '',
        mtime: new Date(0),
      });
    }
    expect(
      (await archiveTree(source, 'c0ffee', { maxBytes: 1000 })).content.equals(
        archive.content,
      ),
    ).toBe(true);
  });
});

describe('extractArtifact', () => {
  it('unpacks files, directories and inside links with normalised modes', async () => {
    const dest = await scratch();
    const content = await tarGz([
      { name: 'apps/', type: 'directory' },
      { name: 'apps/a.yaml', content: 'a: 1\n', mode: 0o666 },
      { name: 'apps/run.sh', content: '#!/bin/sh\n', mode: 0o775 },
      { name: 'link.yaml', type: 'symlink', linkname: 'apps/a.yaml' },
    ]);
    expect(await extractArtifact(content, dest, { maxBytes: 1000 })).toEqual({
      files: 3,
      bytes: 15,
    });
    expect(await fs.readFile(path.join(dest, 'link.yaml'), 'utf8')).toBe(
      'a: 1\n',
    );
    expect((await fs.stat(path.join(dest, 'apps/a.yaml'))).mode & 0o777).toBe(
      0o644,
    );
    expect((await fs.stat(path.join(dest, 'apps/run.sh'))).mode & 0o777).toBe(
      0o755,
    );
  });

  it.each<[string, Entry[]]>([
    ['a parent-directory path', [{ name: '../evil.yaml', content: 'x' }]],
    [
      'a nested parent-directory path',
      [{ name: 'a/../../evil.yaml', content: 'x' }],
    ],
    ['an absolute path', [{ name: '/tmp/evil.yaml', content: 'x' }]],
    [
      'a link out of the root',
      [{ name: 'l', type: 'symlink', linkname: '../../etc' }],
    ],
    [
      'an absolute link',
      [{ name: 'l', type: 'symlink', linkname: '/etc/passwd' }],
    ],
    [
      'a chain of links that climbs out',
      [
        { name: 'd/e/hop', type: 'symlink', linkname: '../../f' },
        { name: 'f/', type: 'directory' },
        { name: 'd/e/chain', type: 'symlink', linkname: 'hop/../..' },
      ],
    ],
    [
      'a file written through a link',
      [
        { name: 'l', type: 'symlink', linkname: 'dir' },
        { name: 'dir/', type: 'directory' },
        { name: 'l/file.yaml', content: 'x' },
      ],
    ],
    [
      'a duplicate entry',
      [
        { name: 'a.yaml', content: 'x' },
        { name: 'a.yaml', content: 'y' },
      ],
    ],
    ['a hard link', [{ name: 'h', type: 'link', linkname: 'a.yaml' }]],
  ])('refuses %s', async (_what, entries) => {
    const dest = await scratch();
    const error = await extractArtifact(await tarGz(entries), dest, {
      maxBytes: 1000,
    }).catch(e => e);
    expect(error).toBeInstanceOf(ArtifactError);
    expect(error.kind).toBe('invalid');
    await expect(
      fs.access(path.join(dest, '..', 'evil.yaml')),
    ).rejects.toThrow();
  });

  it('stops past the size limit and the entry limit', async () => {
    const big = await tarGz([
      { name: 'a', content: 'x'.repeat(600) },
      { name: 'b', content: 'y'.repeat(600) },
    ]);
    await expect(
      extractArtifact(big, await scratch(), { maxBytes: 1000 }),
    ).rejects.toMatchObject({ kind: 'too-large' });
    const many = await tarGz(
      Array.from({ length: 20 }, (_, i) => ({ name: `f${i}`, content: '' })),
    );
    await expect(
      extractArtifact(many, await scratch(), {
        maxBytes: 1000,
        maxEntries: 10,
      }),
    ).rejects.toMatchObject({ kind: 'too-large' });
  });

  it('says invalid for something that is not a tar.gz', async () => {
    await expect(
      extractArtifact(Buffer.from('not gzip'), await scratch(), {
        maxBytes: 1000,
      }),
    ).rejects.toMatchObject({ kind: 'invalid' });
  });
});
