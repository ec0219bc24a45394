import { freePort, GitServer, startGitServer } from '@internal/gitops-test';
import { GitError } from './errors';
import {
  IMPLEMENTATIONS,
  newMirror,
  noise,
  removeScratch,
  unpack,
} from './__testUtils__/mirrors';
import {
  selfSignedCertificate,
  startProxy,
  startSilentServer,
} from './__testUtils__/proxy';

const MAX = 16 * 1024 * 1024;

async function failure(work: Promise<unknown>): Promise<GitError> {
  const error = await work.then(
    () => undefined,
    e => e,
  );
  expect(error).toBeInstanceOf(GitError);
  return error as GitError;
}

describe.each(IMPLEMENTATIONS)('GitMirror failures (%s)', implementation => {
  let server: GitServer;
  let url: string;

  beforeAll(async () => {
    server = await startGitServer();
    url = (
      await server.createRepository('fleet', {
        'a.yaml': 'a: 1\n',
        'blob.txt': noise(300_000, 3),
      })
    ).url;
    await server.tag('fleet', 'v1.0.0');
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    await removeScratch();
  });

  it('says not-found for a missing repository, branch, tag, ref name or semver match', async () => {
    const mirror = await newMirror(implementation);
    expect(
      (await failure(mirror.resolve({ url: `${server.baseUrl}/nope.git` }, {})))
        .kind,
    ).toBe('not-found');
    const branch = await failure(mirror.resolve({ url }, { branch: 'nope' }));
    expect(branch).toMatchObject({
      kind: 'not-found',
      message: expect.stringContaining('refs/heads/nope'),
    });
    expect(
      (await failure(mirror.resolve({ url }, { tag: 'v9.9.9' }))).kind,
    ).toBe('not-found');
    expect(
      (await failure(mirror.resolve({ url }, { name: 'refs/pull/1/head' })))
        .kind,
    ).toBe('not-found');
    expect(
      (await failure(mirror.resolve({ url }, { semver: '>=2' }))).kind,
    ).toBe('not-found');
    const absent = await mirror.resolve(
      { url },
      { commit: 'f'.repeat(40), branch: 'main' },
    );
    expect((await failure(mirror.fetch({ url }, absent))).kind).toBe(
      'not-found',
    );
  });

  it('says invalid for what no server could answer', async () => {
    const mirror = await newMirror(implementation);
    expect(
      (
        await failure(
          mirror.resolve({ url: 'ssh://git@example.com/repo.git' }, {}),
        )
      ).kind,
    ).toBe('invalid');
    const withCredentials = await failure(
      mirror.resolve({ url: 'http://flux:hunter2@127.0.0.1:1/x.git' }, {}),
    );
    expect(withCredentials.kind).toBe('invalid');
    expect(withCredentials.message).not.toContain('hunter2');
    expect(
      (await failure(mirror.resolve({ url }, { commit: 'abc123' }))).kind,
    ).toBe('invalid');
    expect(
      (await failure(mirror.resolve({ url }, { semver: 'not a range' }))).kind,
    ).toBe('invalid');
    expect(
      (await failure(mirror.resolve({ url }, { name: 'main' }))).kind,
    ).toBe('invalid');
  });

  it('fails fast on an unreachable host', async () => {
    const mirror = await newMirror(implementation);
    const closed = `http://127.0.0.1:${await freePort()}/repo.git`;
    const started = Date.now();
    const error = await failure(
      mirror.resolve({ url: closed }, { branch: 'main' }),
    );
    expect(error.kind).toBe('unreachable');
    expect(error.message).toContain(closed);
    const resolved = {
      kind: 'branch' as const,
      commit: 'a'.repeat(40),
      revision: 'x',
      remoteRef: 'refs/heads/main',
    };
    expect((await failure(mirror.fetch({ url: closed }, resolved))).kind).toBe(
      'unreachable',
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('times out on a server that never answers, and stops when cancelled', async () => {
    const silent = await startSilentServer();
    try {
      const mirror = await newMirror(implementation);
      const started = Date.now();
      const error = await failure(
        mirror.resolve(
          { url: `${silent.baseUrl}/repo.git` },
          {},
          { timeoutMs: 500 },
        ),
      );
      expect(error.kind).toBe('timeout');
      expect(Date.now() - started).toBeLessThan(3_000);
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 300);
      const resolved = {
        kind: 'branch' as const,
        commit: 'a'.repeat(40),
        revision: 'x',
        remoteRef: 'refs/heads/main',
      };
      const cancelled = await failure(
        mirror.fetch({ url: `${silent.baseUrl}/repo.git` }, resolved, {
          signal: controller.signal,
        }),
      );
      expect(cancelled).toMatchObject({
        kind: 'timeout',
        message: expect.stringContaining('cancelled'),
      });
    } finally {
      await silent.stop();
    }
  });

  it('enforces the fetch size limit and the artifact size limit', async () => {
    const mirror = await newMirror(implementation);
    const resolved = await mirror.resolve({ url }, { branch: 'main' });
    expect(
      await failure(mirror.fetch({ url }, resolved, { maxBytes: 50_000 })),
    ).toMatchObject({
      kind: 'too-large',
      message: expect.stringContaining('50000'),
    });
    // the refused pack did not stay behind: the commit is fetched again, not taken as present
    expect(await mirror.fetch({ url }, resolved)).toMatchObject({
      fetched: true,
    });
    expect(
      (await failure(mirror.archive({ url }, resolved, { maxBytes: 100_000 })))
        .kind,
    ).toBe('too-large');
  });

  it('authenticates with basic auth and a bearer token, and says auth without leaking them', async () => {
    const basic = await startGitServer({
      basicAuth: { username: 'flux', password: 's3cret-pass' },
    });
    const bearer = await startGitServer({ bearerToken: 't0ken-value' });
    try {
      const basicRepo = await basic.createRepository('private', {
        'a.yaml': 'a: 1\n',
      });
      const bearerRepo = await bearer.createRepository('private', {
        'b.yaml': 'b: 1\n',
      });
      const mirror = await newMirror(implementation);

      const wrong = await failure(
        mirror.resolve(
          {
            url: basicRepo.url,
            auth: { username: 'flux', password: 'wrong-pass' },
          },
          {},
        ),
      );
      expect(wrong.kind).toBe('auth');
      expect(wrong.message).not.toMatch(/wrong-pass|s3cret-pass/);
      expect(
        (
          await failure(
            mirror.resolve({ url: basicRepo.url }, { branch: 'main' }),
          )
        ).kind,
      ).toBe('auth');
      const badToken = await failure(
        mirror.resolve(
          { url: bearerRepo.url, auth: { bearerToken: 'bad-token' } },
          {},
        ),
      );
      expect(badToken.kind).toBe('auth');
      expect(badToken.message).not.toContain('bad-token');

      for (const [remote, file] of [
        [
          {
            url: basicRepo.url,
            auth: { username: 'flux', password: 's3cret-pass' },
          },
          'a.yaml',
        ],
        [
          { url: bearerRepo.url, auth: { bearerToken: 't0ken-value' } },
          'b.yaml',
        ],
      ] as const) {
        const resolved = await mirror.resolve(remote, { branch: 'main' });
        await mirror.fetch(remote, resolved);
        expect(
          Object.keys(
            await unpack(
              (
                await mirror.archive(remote, resolved, { maxBytes: MAX })
              ).content,
            ),
          ),
        ).toEqual([file]);
      }
    } finally {
      await basic.stop();
      await bearer.stop();
    }
  });

  it('trusts a custom CA for HTTPS, and only with it', async () => {
    const tls = await selfSignedCertificate();
    const proxy = await startProxy(server.baseUrl, tls);
    try {
      const mirror = await newMirror(implementation);
      const remote = { url: `${proxy.baseUrl}/fleet.git` };
      expect(
        (await failure(mirror.resolve(remote, { branch: 'main' }))).kind,
      ).toBe('unreachable');
      const trusted = { ...remote, caCertificate: tls.cert };
      const resolved = await mirror.resolve(trusted, { tag: 'v1.0.0' });
      await mirror.fetch(trusted, resolved);
      expect(
        (await mirror.archive(trusted, resolved, { maxBytes: MAX })).files,
      ).toBe(2);
      expect(
        (
          await failure(
            mirror.resolve({ ...remote, caCertificate: 'not a PEM' }, {}),
          )
        ).kind,
      ).toBe('invalid');
    } finally {
      await proxy.stop();
    }
  });
});

describe('isomorphic-git fetch isolation', () => {
  let server: GitServer;
  let url: string;
  beforeAll(async () => {
    server = await startGitServer();
    url = (
      await server.createRepository('fleet', {
        'a.yaml': 'a: 1\n',
        'blob.txt': noise(200_000, 5),
      })
    ).url;
  });
  afterAll(async () => {
    await server?.stop();
    await removeScratch();
  });

  it('fails a fetch that passes the worker memory cap with a clear error, and the process carries on', async () => {
    const mirror = await newMirror('isomorphic', { workerMemoryMb: 2 });
    const resolved = await mirror.resolve({ url }, { branch: 'main' });
    const error = await failure(mirror.fetch({ url }, resolved));
    expect(error).toMatchObject({
      kind: 'too-large',
      message: expect.stringContaining('2 MB memory limit'),
    });
    const roomy = await newMirror('isomorphic');
    expect(await roomy.fetch({ url }, resolved)).toMatchObject({
      fetched: true,
    });
  });

  it('also fetches in-process when the worker is turned off', async () => {
    const mirror = await newMirror('isomorphic', { workerMemoryMb: 0 });
    const resolved = await mirror.resolve({ url }, { branch: 'main' });
    expect(await mirror.fetch({ url }, resolved)).toMatchObject({
      fetched: true,
    });
    expect(
      (await mirror.archive({ url }, resolved, { maxBytes: MAX })).files,
    ).toBe(2);
  });
});
