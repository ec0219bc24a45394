import { GitServer, startGitServer } from '@internal/gitops-test';
import { commitCraftedTree } from './__testUtils__/craftedCommit';
import {
  IMPLEMENTATIONS,
  newMirror,
  noise,
  removeScratch,
  unpack,
} from './__testUtils__/mirrors';
import { startProxy, TestProxy } from './__testUtils__/proxy';

const MAX = 16 * 1024 * 1024;

describe.each(IMPLEMENTATIONS)('GitMirror transfers (%s)', implementation => {
  let server: GitServer;
  let url: string;
  let first: string;

  beforeAll(async () => {
    server = await startGitServer();
    const repo = await server.createRepository('fleet', {
      'apps/app.yaml': 'kind: ConfigMap\n',
    });
    url = repo.url;
    first = repo.commit;
    await server.commit('fleet', { 'apps/two.yaml': 'kind: Secret\n' });
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

  describe('through a recording proxy', () => {
    let proxy: TestProxy;
    let proxied: string;

    beforeAll(async () => {
      await server.createRepository('big', {
        'blob.txt': noise(300_000, 7),
        'small.yaml': 'n: 0\n',
      });
      proxy = await startProxy(server.baseUrl);
      proxied = `${proxy.baseUrl}/big.git`;
    });
    afterAll(() => proxy?.stop());

    it('does no fetch for an unchanged remote: one GET of info/refs, nothing else', async () => {
      const mirror = await newMirror(implementation);
      await mirror.fetch(
        { url: proxied },
        await mirror.resolve({ url: proxied }, { branch: 'main' }),
      );
      proxy.requests.length = 0;
      const resolved = await mirror.resolve(
        { url: proxied },
        { branch: 'main' },
      );
      expect(proxy.requests).toEqual([
        { method: 'GET', path: '/big.git/info/refs?service=git-upload-pack' },
      ]);
      expect(await mirror.fetch({ url: proxied }, resolved)).toEqual({
        fetched: false,
        receivedBytes: 0,
      });
      expect(proxy.requests).toHaveLength(1);
    });

    it('fetches a new commit incrementally instead of cloning again', async () => {
      const mirror = await newMirror(implementation);
      const initial = await mirror.fetch(
        { url: proxied },
        await mirror.resolve({ url: proxied }, { branch: 'main' }),
      );
      expect(initial.receivedBytes).toBeGreaterThan(200_000);
      const next = await server.commit('big', { 'small.yaml': 'n: 1\n' });
      const resolved = await mirror.resolve(
        { url: proxied },
        { branch: 'main' },
      );
      expect(resolved.commit).toBe(next);
      const update = await mirror.fetch({ url: proxied }, resolved);
      expect(update.fetched).toBe(true);
      expect(update.receivedBytes).toBeLessThan(20_000);
      const files = await unpack(
        (
          await mirror.archive({ url: proxied }, resolved, { maxBytes: MAX })
        ).content,
      );
      expect(files['small.yaml']).toBe('n: 1\n');
      expect(files['blob.txt']).toHaveLength(300_000);
    });
  });

  it('finds a commit given with its branch by deepening, and refuses one outside that branch', async () => {
    const mirror = await newMirror(implementation);
    const inBranch = await mirror.resolve(
      { url },
      { commit: first, branch: 'main' },
    );
    expect(await mirror.fetch({ url }, inBranch)).toMatchObject({
      fetched: true,
    });
    expect(
      Object.keys(
        await unpack(
          (
            await mirror.archive({ url }, inBranch, { maxBytes: MAX })
          ).content,
        ),
      ),
    ).not.toContain('apps/two.yaml');
    const featureTip = (await mirror.resolve({ url }, { branch: 'feature/x' }))
      .commit;
    const outside = await mirror.resolve(
      { url },
      { commit: featureTip, branch: 'main' },
    );
    await expect(mirror.fetch({ url }, outside)).rejects.toMatchObject({
      kind: 'not-found',
    });
  });

  it('fetches a commit given alone, even one no ref points at', async () => {
    const history = await server.createRepository('history', {
      'n.yaml': 'n: 0\n',
    });
    const middle = await server.commit('history', { 'n.yaml': 'n: 1\n' });
    await server.commit('history', { 'n.yaml': 'n: 2\n' });
    const remote = { url: history.url };
    const mirror = await newMirror(implementation);
    const resolved = await mirror.resolve(remote, { commit: middle });
    expect(resolved.revision).toBe(`sha1:${middle}`);
    await mirror.fetch(remote, resolved);
    expect(
      (
        await unpack(
          (
            await mirror.archive(remote, resolved, { maxBytes: MAX })
          ).content,
        )
      )['n.yaml'],
    ).toBe('n: 1\n');
  });

  it('keeps symlinks inside the tree and drops those that point outside, even through other links', async () => {
    await server.createRepository('links', { 'base.yaml': 'b: 1\n' });
    commitCraftedTree(server.root, 'links', 'main', {
      'apps/app.yaml': { mode: '100644', content: 'a: 1\n' },
      'apps/run.sh': { mode: '100755', content: '#!/bin/sh\n' },
      'inside.yaml': { mode: '120000', content: 'apps/app.yaml' },
      'apps/up.yaml': { mode: '120000', content: '../inside.yaml' },
      absolute: { mode: '120000', content: '/etc/passwd' },
      escape: { mode: '120000', content: '../../etc/passwd' },
      'd/e/hop': { mode: '120000', content: '../../apps' },
      'd/e/chain': { mode: '120000', content: 'hop/../..' },
    });
    const mirror = await newMirror(implementation);
    const resolved = await mirror.resolve(
      { url: `${server.baseUrl}/links.git` },
      { branch: 'main' },
    );
    await mirror.fetch({ url: `${server.baseUrl}/links.git` }, resolved);
    const archive = await mirror.archive(
      { url: `${server.baseUrl}/links.git` },
      resolved,
      { maxBytes: MAX },
    );
    expect(await unpack(archive.content)).toEqual({
      'apps/app.yaml': 'a: 1\n',
      'apps/run.sh': '#!/bin/sh\n',
      'apps/up.yaml': '-> ../inside.yaml',
      'd/e/hop': '-> ../../apps',
      'inside.yaml': '-> apps/app.yaml',
    });
  });

  it('refuses a tree with a path that would escape the root', async () => {
    await server.createRepository('hostile', { 'ok.yaml': 'o: 1\n' });
    commitCraftedTree(server.root, 'hostile', 'main', {
      '../evil.yaml': { mode: '100644', content: 'x' },
    });
    const remote = { url: `${server.baseUrl}/hostile.git` };
    const mirror = await newMirror(implementation);
    const resolved = await mirror.resolve(remote, { branch: 'main' });
    await mirror.fetch(remote, resolved);
    await expect(
      mirror.archive(remote, resolved, { maxBytes: MAX }),
    ).rejects.toMatchObject({ kind: 'invalid' });
  });
});
