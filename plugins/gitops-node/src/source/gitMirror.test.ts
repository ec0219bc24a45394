import { GitServer, startGitServer } from '@internal/gitops-test';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { extractArtifact } from './artifact';
import { IsomorphicGitMirror } from './isomorphicGitMirror';
import { NativeGitMirror } from './nativeGitMirror';
import { GitError, GitMirror } from './types';

const MAX = 10 * 1024 * 1024;

async function unpack(content: Buffer): Promise<Record<string, string>> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gitops-unpack-'));
  await extractArtifact(content, dir, { maxBytes: MAX });
  const files: Record<string, string> = {};
  const walk = async (sub: string) => {
    for (const entry of await fs.readdir(path.join(dir, sub), { withFileTypes: true })) {
      const relative = path.posix.join(sub, entry.name);
      if (entry.isDirectory()) await walk(relative);
      else files[relative] = await fs.readFile(path.join(dir, relative), 'utf8');
    }
  };
  await walk('');
  return files;
}

const implementations: Array<[string, (dir: string) => GitMirror]> = [
  ['native', dir => new NativeGitMirror(dir)],
  ['isomorphic', dir => new IsomorphicGitMirror(dir)],
];

describe.each(implementations)('GitMirror (%s)', (_name, create) => {
  let server: GitServer;
  let mirror: GitMirror;
  let url: string;
  let first: string;

  beforeAll(async () => {
    server = await startGitServer();
    const repo = await server.createRepository('fleet', {
      'apps/app.yaml': 'kind: ConfigMap\n',
      'apps/.sourceignore': 'secret.txt\n',
      'apps/secret.txt': 'ignored by .sourceignore',
      '.github/workflows/ci.yaml': 'ignored by default',
      'README.md': 'readme',
    });
    url = repo.url;
    first = repo.commit;
    await server.tag('fleet', 'v1.0.0');
    await server.commit('fleet', { 'apps/two.yaml': 'kind: Secret\n' }, { message: 'two' });
    await server.tag('fleet', 'v1.2.0', { annotated: true });
    await server.tag('fleet', 'v2.0.0-rc.1');
  }, 60_000);

  afterAll(() => server?.stop());

  beforeEach(async () => {
    mirror = create(await fs.mkdtemp(path.join(os.tmpdir(), 'gitops-mirror-')));
  });

  it('resolves branches, tags, semver ranges, names and commits with Flux revision strings', async () => {
    const main = await mirror.resolve({ url }, { branch: 'main' });
    expect(main.revision).toBe(`main@sha1:${main.commit}`);
    const tag = await mirror.resolve({ url }, { tag: 'v1.0.0' });
    expect(tag).toMatchObject({ commit: first, revision: `v1.0.0@sha1:${first}` });
    const semver = await mirror.resolve({ url }, { semver: '>=1.0.0, <2.0.0', branch: 'ignored' });
    expect(semver.revision).toBe(`v1.2.0@sha1:${main.commit}`);
    const name = await mirror.resolve({ url }, { name: 'refs/heads/main' });
    expect(name.revision).toBe(`refs/heads/main@sha1:${main.commit}`);
    const commit = await mirror.resolve({ url }, { commit: first, branch: 'main' });
    expect(commit.revision).toBe(`main@sha1:${first}`);
  });

  it('fetches, archives deterministically, and honours .sourceignore, spec.ignore and the defaults', async () => {
    const resolved = await mirror.resolve({ url }, { branch: 'main' });
    await mirror.fetch({ url }, resolved);
    const archive = await mirror.archive({ url }, resolved, { maxBytes: MAX });
    const again = await mirror.archive({ url }, resolved, { maxBytes: MAX });
    expect(again.digest).toBe(archive.digest);
    expect(archive.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(Object.keys(await unpack(archive.content)).sort()).toEqual(['README.md', 'apps/.sourceignore', 'apps/app.yaml', 'apps/two.yaml']);
    const custom = await mirror.archive({ url }, resolved, { maxBytes: MAX, ignore: '*.md\n' });
    expect(Object.keys(await unpack(custom.content)).sort()).toEqual(['.github/workflows/ci.yaml', 'apps/.sourceignore', 'apps/app.yaml', 'apps/two.yaml']);
  });

  it('fetches a new commit incrementally and refuses an oversized tree', async () => {
    const before = await mirror.resolve({ url }, { branch: 'main' });
    await mirror.fetch({ url }, before);
    const next = await server.commit('fleet', { 'apps/three.yaml': 'kind: Service\n' });
    const after = await mirror.resolve({ url }, { branch: 'main' });
    expect(after.commit).toBe(next);
    await mirror.fetch({ url }, after);
    const files = await unpack((await mirror.archive({ url }, after, { maxBytes: MAX })).content);
    expect(files['apps/three.yaml']).toBe('kind: Service\n');
    await expect(mirror.archive({ url }, after, { maxBytes: 10 })).rejects.toMatchObject({ kind: 'too-large' });
  });

  it('classifies a missing ref, an unreachable host and failed authentication', async () => {
    await expect(mirror.resolve({ url }, { branch: 'nope' })).rejects.toMatchObject({ kind: 'not-found' });
    await expect(mirror.resolve({ url }, { tag: 'v9' })).rejects.toMatchObject({ kind: 'not-found' });
    await expect(mirror.resolve({ url: 'http://127.0.0.1:1/x.git' }, {}, { timeoutMs: 10_000 })).rejects.toMatchObject({
      kind: 'unreachable',
    });
    const secured = await startGitServer({ basicAuth: { username: 'flux', password: 's3cret' } });
    try {
      const repo = await secured.createRepository('private', { 'a.yaml': 'a: 1\n' });
      const error = await mirror.resolve({ url: repo.url, auth: { username: 'flux', password: 'wrong' } }, {}).catch(e => e);
      expect(error).toBeInstanceOf(GitError);
      expect(error.kind).toBe('auth');
      expect(error.message).not.toContain('wrong');
      const ok = await mirror.resolve({ url: repo.url, auth: { username: 'flux', password: 's3cret' } }, { branch: 'main' });
      await mirror.fetch({ url: repo.url, auth: { username: 'flux', password: 's3cret' } }, ok);
    } finally {
      await secured.stop();
    }
  }, 60_000);
});

describe('artifacts across implementations', () => {
  it('have the same digest for the same tree', async () => {
    const server = await startGitServer();
    try {
      const { url } = await server.createRepository('same', { 'x/y.yaml': 'y: 1\n', 'run.sh': '#!/bin/sh\n' });
      const digests: string[] = [];
      for (const [, create] of implementations) {
        const mirror = create(await fs.mkdtemp(path.join(os.tmpdir(), 'gitops-mirror-')));
        const resolved = await mirror.resolve({ url }, { branch: 'main' });
        await mirror.fetch({ url }, resolved);
        digests.push((await mirror.archive({ url }, resolved, { maxBytes: MAX })).digest);
      }
      expect(digests[0]).toBe(digests[1]);
    } finally {
      await server.stop();
    }
  });
});
