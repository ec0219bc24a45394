import { GitServer, startGitServer } from '@internal/gitops-test';
import {
  IMPLEMENTATIONS,
  newMirror,
  removeScratch,
  unpack,
} from './__testUtils__/mirrors';
import { GitImplementation } from './types';

const MAX = 16 * 1024 * 1024;

describe.each(IMPLEMENTATIONS)('GitMirror contract (%s)', implementation => {
  let server: GitServer;
  let url: string;
  let first: string;
  let second: string;

  beforeAll(async () => {
    server = await startGitServer();
    const repo = await server.createRepository('fleet', {
      'apps/app.yaml': 'kind: ConfigMap\n',
      '.github/workflows/ci.yaml': 'ignored by default',
      '.gitignore': 'ignored as VCS metadata',
      'logo.png': 'ignored by default',
      'README.md': 'readme',
    });
    url = repo.url;
    first = repo.commit;
    await server.tag('fleet', 'v1.0.0', { annotated: false });
    second = await server.commit(
      'fleet',
      { 'apps/two.yaml': 'kind: Secret\n' },
      { message: 'Add two\n\nbody' },
    );
    await server.tag('fleet', 'v1.2.0');
    await server.tag('fleet', 'v2.0.0-rc.1');
    await server.commit(
      'fleet',
      { 'feature.yaml': 'f: 1\n' },
      { branch: 'feature/x' },
    );
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    await removeScratch();
  });

  it('resolves branch, tag, semver, name and commit refs with Flux revision strings and precedence', async () => {
    const mirror = await newMirror(implementation);
    const main = await mirror.resolve({ url }, { branch: 'main' });
    expect(main).toMatchObject({
      kind: 'branch',
      commit: second,
      revision: `main@sha1:${second}`,
    });
    const feature = await mirror.resolve({ url }, { branch: 'feature/x' });
    expect(feature.revision).toBe(`feature/x@sha1:${feature.commit}`);
    expect(await mirror.resolve({ url }, { tag: 'v1.0.0' })).toMatchObject({
      commit: first,
      revision: `v1.0.0@sha1:${first}`,
    });
    // an annotated tag resolves to the commit it points at, not the tag object
    expect(await mirror.resolve({ url }, { tag: 'v1.2.0' })).toMatchObject({
      commit: second,
      revision: `v1.2.0@sha1:${second}`,
    });
    // Masterminds syntax: comma is AND; pre-releases only when the range names one
    expect(
      (await mirror.resolve({ url }, { semver: '>=1.0.0, <3.0.0' })).revision,
    ).toBe(`v1.2.0@sha1:${second}`);
    expect(
      (await mirror.resolve({ url }, { semver: '>=2.0.0-0' })).revision,
    ).toBe(`v2.0.0-rc.1@sha1:${second}`);
    expect((await mirror.resolve({ url }, { semver: '~1.0' })).revision).toBe(
      `v1.0.0@sha1:${first}`,
    );
    expect(
      (await mirror.resolve({ url }, { name: 'refs/heads/main' })).revision,
    ).toBe(`refs/heads/main@sha1:${second}`);
    expect(
      (await mirror.resolve({ url }, { name: 'refs/tags/v1.2.0' })).revision,
    ).toBe(`refs/tags/v1.2.0@sha1:${second}`);
    expect((await mirror.resolve({ url }, { commit: first })).revision).toBe(
      `sha1:${first}`,
    );
    expect(
      (await mirror.resolve({ url }, { commit: first, branch: 'main' }))
        .revision,
    ).toBe(`main@sha1:${first}`);
    // precedence: commit > name > semver > tag > branch
    expect(
      (await mirror.resolve({ url }, { branch: 'main', tag: 'v1.0.0' }))
        .revision,
    ).toBe(`v1.0.0@sha1:${first}`);
    expect(
      (await mirror.resolve({ url }, { tag: 'v1.0.0', semver: '^1.1' }))
        .revision,
    ).toBe(`v1.2.0@sha1:${second}`);
    expect(
      (
        await mirror.resolve(
          { url },
          { semver: '^1.1', name: 'refs/tags/v1.0.0' },
        )
      ).revision,
    ).toBe(`refs/tags/v1.0.0@sha1:${first}`);
    expect(
      (
        await mirror.resolve(
          { url },
          { name: 'refs/heads/main', commit: first },
        )
      ).revision,
    ).toBe(`sha1:${first}`);
  });

  it("defaults to Flux's `master` branch when no ref is given", async () => {
    const legacy = await server.createRepository(
      'legacy',
      { 'a.yaml': 'a: 1\n' },
      { branch: 'master' },
    );
    const mirror = await newMirror(implementation);
    expect((await mirror.resolve({ url: legacy.url }, {})).revision).toBe(
      `master@sha1:${legacy.commit}`,
    );
    await expect(mirror.resolve({ url }, {})).rejects.toMatchObject({
      kind: 'not-found',
    });
  });

  it('fetches, then archives with the default exclusions, or spec.ignore in their place', async () => {
    const mirror = await newMirror(implementation);
    const resolved = await mirror.resolve({ url }, { branch: 'main' });
    expect(await mirror.fetch({ url }, resolved)).toMatchObject({
      fetched: true,
    });
    expect(resolved.message).toBe('Add two');
    const archive = await mirror.archive({ url }, resolved, { maxBytes: MAX });
    expect(archive.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(archive.files).toBe(3);
    expect(await unpack(archive.content)).toEqual({
      'README.md': 'readme',
      'apps/app.yaml': 'kind: ConfigMap\n',
      'apps/two.yaml': 'kind: Secret\n',
    });
    // as in Flux, spec.ignore replaces the defaults; only the VCS files stay excluded
    const custom = await mirror.archive({ url }, resolved, {
      maxBytes: MAX,
      ignore: '*.md\n',
    });
    expect(Object.keys(await unpack(custom.content)).sort()).toEqual([
      '.github/workflows/ci.yaml',
      'apps/app.yaml',
      'apps/two.yaml',
      'logo.png',
    ]);
    const narrowed = await mirror.archive({ url }, resolved, {
      maxBytes: MAX,
      ignore: '/*\n!/apps\n/apps/two.yaml\n',
    });
    expect(Object.keys(await unpack(narrowed.content))).toEqual([
      'apps/app.yaml',
    ]);
  });

  it('honours .sourceignore files, each scoped to its own directory', async () => {
    const scoped = await server.createRepository('scoped', {
      'apps/.sourceignore': 'secret.txt\n/local.yaml\n',
      'apps/secret.txt': 'ignored',
      'apps/deep/secret.txt': 'ignored too: the pattern has no slash',
      'apps/local.yaml': 'ignored: anchored to apps/',
      'apps/deep/local.yaml': 'kept',
      'secret.txt': 'kept: outside apps/',
      'ci/.sourceignore': '!*.png\n',
      'ci/logo.png': 'kept: the rules replace the defaults',
    });
    const mirror = await newMirror(implementation);
    const resolved = await mirror.resolve(
      { url: scoped.url },
      { branch: 'main' },
    );
    await mirror.fetch({ url: scoped.url }, resolved);
    const files = await unpack(
      (
        await mirror.archive({ url: scoped.url }, resolved, { maxBytes: MAX })
      ).content,
    );
    expect(Object.keys(files).sort()).toEqual([
      'apps/.sourceignore',
      'apps/deep/local.yaml',
      'ci/.sourceignore',
      'ci/logo.png',
      'secret.txt',
    ]);
    const withSpec = await mirror.archive({ url: scoped.url }, resolved, {
      maxBytes: MAX,
      ignore: 'apps/deep/\n',
    });
    expect(Object.keys(await unpack(withSpec.content))).not.toContain(
      'apps/deep/local.yaml',
    );
  });

  it('gives the same digest for the same tree across fetches and mirrors', async () => {
    const one = await newMirror(implementation);
    const two = await newMirror(implementation);
    const atTag = await one.resolve({ url }, { tag: 'v1.2.0' });
    const atBranch = await two.resolve({ url }, { name: 'refs/heads/main' });
    await one.fetch({ url }, atTag);
    await two.fetch({ url }, atBranch);
    const a = await one.archive({ url }, atTag, { maxBytes: MAX });
    const b = await two.archive({ url }, atBranch, { maxBytes: MAX });
    expect(b.content.equals(a.content)).toBe(true);
    expect((await one.archive({ url }, atTag, { maxBytes: MAX })).digest).toBe(
      a.digest,
    );
  });
});

describe('artifacts across implementations', () => {
  let server: GitServer;
  beforeAll(async () => {
    server = await startGitServer();
  });
  afterAll(async () => {
    await server?.stop();
    await removeScratch();
  });

  it('are byte-for-byte equal for the same tree', async () => {
    const { url } = await server.createRepository('same', {
      'x/y.yaml': 'y: 1\n',
      'x/.sourceignore': '*.tmp\n',
      'x/drop.tmp': 'dropped',
      'run.sh': '#!/bin/sh\n',
      [`long/${'n'.repeat(120)}/file.yaml`]: 'long path\n',
    });
    const contents: Buffer[] = [];
    for (const implementation of [
      'native',
      'isomorphic',
    ] as GitImplementation[]) {
      const mirror = await newMirror(implementation);
      const resolved = await mirror.resolve({ url }, { branch: 'main' });
      await mirror.fetch({ url }, resolved);
      contents.push(
        (
          await mirror.archive({ url }, resolved, {
            maxBytes: MAX,
            ignore: '*.tmp\n!keep.tmp\n',
          })
        ).content,
      );
    }
    expect(contents[1].equals(contents[0])).toBe(true);
    expect(Object.keys(await unpack(contents[0])).sort()).toEqual([
      `long/${'n'.repeat(120)}/file.yaml`,
      'run.sh',
      'x/.sourceignore',
      'x/y.yaml',
    ]);
  });
});
