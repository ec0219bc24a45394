import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import git from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import { startGitServer, type GitServer } from '../harness';

jest.setTimeout(60_000);

const execFileAsync = promisify(execFile);
const nativeGitEnv = {
  ...process.env,
  GIT_TERMINAL_PROMPT: '0',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

describe('harness git server', () => {
  const servers: GitServer[] = [];
  const dirs: string[] = [];
  const scratch = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'harness-git-test-'));
    dirs.push(dir);
    return dir;
  };
  const start = async (options?: Parameters<typeof startGitServer>[0]) => {
    const server = await startGitServer(options);
    servers.push(server);
    return server;
  };

  afterAll(async () => {
    await Promise.all(servers.map(s => s.stop()));
    await Promise.all(dirs.map(d => rm(d, { recursive: true, force: true })));
  });

  it('serves isomorphic-git without auth and a second commit is fetched', async () => {
    const server = await start();
    const { url, commit } = await server.createRepository('plain', {
      'README.md': 'hello\n',
      'deploy/app.yaml': 'kind: ConfigMap\n',
    });
    expect(url).toBe(`${server.baseUrl}/plain.git`);
    expect(commit).toMatch(/^[0-9a-f]{40}$/);

    const dir = await scratch();
    await git.clone({ fs, http, dir, url, ref: 'main', singleBranch: true });
    expect(await git.resolveRef({ fs, dir, ref: 'HEAD' })).toBe(commit);
    expect(await readFile(join(dir, 'deploy/app.yaml'), 'utf8')).toBe(
      'kind: ConfigMap\n',
    );

    const second = await server.commit(
      'plain',
      { 'README.md': 'changed\n', 'deploy/app.yaml': null },
      { message: 'second' },
    );
    expect(second).not.toBe(commit);
    await git.fetch({ fs, http, dir, url, ref: 'main', singleBranch: true });
    expect(
      await git.resolveRef({ fs, dir, ref: 'refs/remotes/origin/main' }),
    ).toBe(second);
    const shallow = await scratch();
    await git.clone({
      fs,
      http,
      dir: shallow,
      url,
      ref: 'main',
      singleBranch: true,
      depth: 1,
    });
    expect(await git.resolveRef({ fs, dir: shallow, ref: 'HEAD' })).toBe(
      second,
    );
    expect(await git.log({ fs, dir: shallow })).toHaveLength(1);

    const log = await git.log({ fs, dir, ref: 'refs/remotes/origin/main' });
    expect(log.map(entry => entry.oid)).toEqual([second, commit]);
    expect(log[0].commit.message.trim()).toBe('second');
  });

  it('serves branches and annotated and lightweight tags', async () => {
    const server = await start();
    const { url, commit } = await server.createRepository(
      'tags',
      { 'a.txt': '1' },
      { branch: 'trunk' },
    );
    const annotated = await server.tag('tags', 'v1.0.0', { branch: 'trunk' });
    expect(annotated).toBe(commit);
    const next = await server.commit(
      'tags',
      { 'a.txt': '2' },
      { branch: 'trunk' },
    );
    const light = await server.tag('tags', 'v1.1.0', {
      branch: 'trunk',
      annotated: false,
    });
    expect(light).toBe(next);
    const feature = await server.commit(
      'tags',
      { 'b.txt': 'feature' },
      { branch: 'feature/x' },
    );

    const refs = await git.listServerRefs({ http, url, peelTags: true });
    const byName = Object.fromEntries(refs.map(r => [r.ref, r]));
    expect(byName['refs/heads/trunk'].oid).toBe(next);
    expect(byName['refs/heads/feature/x'].oid).toBe(feature);
    expect(byName['refs/tags/v1.0.0'].peeled).toBe(commit);
    expect(byName['refs/tags/v1.0.0'].oid).not.toBe(commit);
    expect(byName['refs/tags/v1.1.0'].oid).toBe(next);
  });

  it('requires basic auth and refuses wrong credentials with a 401', async () => {
    const server = await start({
      basicAuth: { username: 'flux', password: 's3cret' },
    });
    const { url, commit } = await server.createRepository('private', {
      'x.yaml': 'x: 1\n',
    });

    const dir = await scratch();
    await git.clone({
      fs,
      http,
      dir,
      url,
      onAuth: () => ({ username: 'flux', password: 's3cret' }),
    });
    expect(await git.resolveRef({ fs, dir, ref: 'HEAD' })).toBe(commit);

    const wrong = await scratch();
    await expect(
      git.clone({
        fs,
        http,
        dir: wrong,
        url,
        onAuth: () => ({ username: 'flux', password: 'nope' }),
      }),
    ).rejects.toThrow(/401/);
    await expect(
      git.clone({ fs, http, dir: await scratch(), url }),
    ).rejects.toThrow(/401/);

    const response = await fetch(`${url}/info/refs?service=git-upload-pack`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
  });

  it('accepts a bearer token sent by isomorphic-git onAuth headers', async () => {
    const server = await start({ bearerToken: 'tok-123' });
    const { url, commit } = await server.createRepository('token', {
      'k.txt': 'v',
    });
    const dir = await scratch();
    await git.clone({
      fs,
      http,
      dir,
      url,
      onAuth: () => ({ headers: { Authorization: 'Bearer tok-123' } }),
    });
    expect(await git.resolveRef({ fs, dir, ref: 'HEAD' })).toBe(commit);
    await expect(
      git.clone({
        fs,
        http,
        dir: await scratch(),
        url,
        headers: { Authorization: 'Bearer wrong' },
      }),
    ).rejects.toThrow(/401/);
  });

  it('serves native git clones, fetches and pushes, with auth', async () => {
    const server = await start({
      basicAuth: { username: 'u', password: 'p@ss' },
    });
    const { url, commit } = await server.createRepository('native', {
      'f.txt': 'one\n',
    });
    const authed = url.replace('http://', 'http://u:p%40ss@');
    const dir = join(await scratch(), 'clone');
    await execFileAsync('git', ['clone', '--quiet', authed, dir], {
      env: nativeGitEnv,
    });
    const head = await execFileAsync('git', ['rev-parse', 'HEAD'], {
      cwd: dir,
      env: nativeGitEnv,
    });
    expect(head.stdout.trim()).toBe(commit);

    const second = await server.commit('native', { 'g.txt': 'two\n' });
    await execFileAsync('git', ['fetch', '--quiet', 'origin'], {
      cwd: dir,
      env: nativeGitEnv,
    });
    const fetched = await execFileAsync('git', ['rev-parse', 'origin/main'], {
      cwd: dir,
      env: nativeGitEnv,
    });
    expect(fetched.stdout.trim()).toBe(second);

    await execFileAsync(
      'git',
      [
        '-c',
        'user.name=t',
        '-c',
        'user.email=t@t',
        'commit',
        '--quiet',
        '--allow-empty',
        '-m',
        'pushed',
      ],
      { cwd: dir, env: nativeGitEnv },
    );
    await execFileAsync(
      'git',
      ['merge', '--quiet', '--ff-only', 'origin/main'],
      { cwd: dir, env: nativeGitEnv },
    ).catch(() => undefined);
    await execFileAsync(
      'git',
      [
        '-c',
        'user.name=t',
        '-c',
        'user.email=t@t',
        'rebase',
        '--quiet',
        'origin/main',
      ],
      { cwd: dir, env: nativeGitEnv },
    );
    await execFileAsync('git', ['push', '--quiet', 'origin', 'HEAD:main'], {
      cwd: dir,
      env: nativeGitEnv,
    });
    const pushed = (
      await execFileAsync('git', ['rev-parse', 'HEAD'], {
        cwd: dir,
        env: nativeGitEnv,
      })
    ).stdout.trim();
    const refs = await git.listServerRefs({
      http,
      url,
      onAuth: () => ({ username: 'u', password: 'p@ss' }),
    });
    expect(refs.find(r => r.ref === 'refs/heads/main')?.oid).toBe(pushed);

    // Dozens of distinct wants make native git gzip its request body (Content-Encoding: gzip).
    for (let i = 0; i < 60; i++) await server.tag('native', `release-${i}`);
    const many = join(await scratch(), 'many');
    await execFileAsync('git', ['clone', '--quiet', '--mirror', authed, many], {
      env: nativeGitEnv,
    });
    const tags = await execFileAsync('git', ['tag', '--list'], {
      cwd: many,
      env: nativeGitEnv,
    });
    expect(tags.stdout.trim().split('\n')).toHaveLength(60);

    await expect(
      execFileAsync(
        'git',
        [
          'clone',
          '--quiet',
          url.replace('http://', 'http://u:bad@'),
          join(await scratch(), 'x'),
        ],
        { env: nativeGitEnv },
      ),
    ).rejects.toThrow(/401|Authentication failed/);
  });

  it('rejects unsafe repository names and file paths', async () => {
    const server = await start();
    await expect(server.createRepository('../escape', {})).rejects.toThrow(
      /Invalid repository name/,
    );
    await expect(
      server.createRepository('ok', { '../outside.txt': 'x' }),
    ).rejects.toThrow(/outside the repository/);
    await expect(server.commit('missing', { a: 'b' })).rejects.toThrow(
      /no repository named 'missing'/,
    );
    const response = await fetch(
      `${server.baseUrl}/nothing.git/info/refs?service=git-upload-pack`,
    );
    expect(response.status).toBe(404);
  });
});
