import {
  DEFAULT_BRANCH,
  needsRemoteRefs,
  remoteRefsFrom,
  resolveRef,
} from './resolveRef';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);
const TAG_OBJECT = 'd'.repeat(40);

const remote = remoteRefsFrom(
  [
    { name: 'refs/heads/master', oid: A },
    { name: 'refs/heads/feature/x', oid: B },
    { name: 'refs/tags/v1.0.0', oid: TAG_OBJECT, peeled: B },
    { name: 'refs/tags/v1.1.0', oid: C },
    { name: 'refs/pull/7/head', oid: C },
  ],
  'refs/heads/master',
);

describe('resolveRef', () => {
  it('reads the advertisement: branches, peeled tags, other refs and HEAD', () => {
    expect(remote.head).toBe('master');
    expect(remote.tags.get('v1.0.0')).toBe(B);
    expect(remote.branches.get('feature/x')).toBe(B);
    expect(remote.refs.get('refs/pull/7/head')).toBe(C);
  });

  it("defaults to Flux's master branch", () => {
    expect(DEFAULT_BRANCH).toBe('master');
    expect(resolveRef(remote, {})).toEqual({
      kind: 'branch',
      commit: A,
      revision: `master@sha1:${A}`,
      remoteRef: 'refs/heads/master',
    });
    expect(resolveRef(remote, { branch: '' }).revision).toBe(
      `master@sha1:${A}`,
    );
  });

  it('writes revisions as source-controller does', () => {
    expect(resolveRef(remote, { branch: 'feature/x' }).revision).toBe(
      `feature/x@sha1:${B}`,
    );
    expect(resolveRef(remote, { tag: 'v1.0.0' }).revision).toBe(
      `v1.0.0@sha1:${B}`,
    );
    expect(resolveRef(remote, { semver: '1.x' }).revision).toBe(
      `v1.1.0@sha1:${C}`,
    );
    expect(resolveRef(remote, { name: 'refs/pull/7/head' }).revision).toBe(
      `refs/pull/7/head@sha1:${C}`,
    );
    expect(resolveRef(remote, { name: 'refs/tags/v1.0.0' }).revision).toBe(
      `refs/tags/v1.0.0@sha1:${B}`,
    );
    expect(resolveRef(undefined, { commit: C.toUpperCase() })).toEqual({
      kind: 'commit',
      commit: C,
      revision: `sha1:${C}`,
    });
    expect(
      resolveRef(remote, { commit: C, branch: 'feature/x' }),
    ).toMatchObject({
      revision: `feature/x@sha1:${C}`,
      remoteRef: 'refs/heads/feature/x',
    });
  });

  it('applies the precedence commit > name > semver > tag > branch', () => {
    const all = {
      branch: 'master',
      tag: 'v1.1.0',
      semver: '~1.0',
      name: 'refs/pull/7/head',
      commit: B,
    };
    expect(resolveRef(remote, all).revision).toBe(`master@sha1:${B}`);
    expect(resolveRef(remote, { ...all, commit: undefined }).revision).toBe(
      `refs/pull/7/head@sha1:${C}`,
    );
    expect(
      resolveRef(remote, { ...all, commit: undefined, name: undefined })
        .revision,
    ).toBe(`v1.0.0@sha1:${B}`);
    expect(
      resolveRef(remote, { branch: 'master', tag: 'v1.1.0' }).revision,
    ).toBe(`v1.1.0@sha1:${C}`);
  });

  it('needs the remote only when a ref has to be looked up', () => {
    expect(needsRemoteRefs({ commit: A })).toBe(false);
    expect(needsRemoteRefs({ commit: A, branch: 'master' })).toBe(true);
    expect(needsRemoteRefs({})).toBe(true);
  });

  it('says not-found and invalid with the ref named', () => {
    expect(() => resolveRef(remote, { branch: 'main' })).toThrow(
      expect.objectContaining({
        kind: 'not-found',
        message: expect.stringContaining('refs/heads/main'),
      }),
    );
    expect(() => resolveRef(remote, { commit: A, branch: 'gone' })).toThrow(
      expect.objectContaining({ kind: 'not-found' }),
    );
    expect(() => resolveRef(remote, { semver: '>=5' })).toThrow(
      expect.objectContaining({ kind: 'not-found' }),
    );
    expect(() => resolveRef(remote, { commit: 'abc' })).toThrow(
      expect.objectContaining({ kind: 'invalid' }),
    );
    expect(() => resolveRef(remote, { name: 'heads/main' })).toThrow(
      expect.objectContaining({ kind: 'invalid' }),
    );
    expect(() => resolveRef(remote, { name: 'refs/heads/../x' })).toThrow(
      expect.objectContaining({ kind: 'invalid' }),
    );
  });
});
