import git from 'isomorphic-git';
import fs from 'node:fs';
import { GitError } from '../errors';
import { fetchResolved, FetchSteps } from '../fetchPlan';
import { remoteRefsFrom } from '../resolveRef';
import { GitAuth, RemoteRefs, ResolvedRef } from '../types';
import { classifyIsomorphic } from './classifyIsomorphic';
import { limitedHttpClient } from './httpClient';

/** Everything one fetch needs, as plain data so it can cross into a worker thread. */
export interface IsomorphicFetchJob {
  gitdir: string;
  url: string;
  auth?: GitAuth;
  caCertificate?: string;
  resolved: Pick<ResolvedRef, 'kind' | 'commit' | 'remoteRef' | 'revision'>;
  maxBytes: number;
}

export interface IsomorphicFetchOutcome {
  receivedBytes: number;
}

/** Credentials go in a header from the first request (no 401 round trip) and never into the URL. */
export function authHeaders(auth: GitAuth | undefined): Record<string, string> {
  if (auth?.bearerToken) return { Authorization: `Bearer ${auth.bearerToken}` };
  if (auth?.username || auth?.password) {
    return {
      Authorization: `Basic ${Buffer.from(
        `${auth.username ?? ''}:${auth.password ?? ''}`,
      ).toString('base64')}`,
    };
  }
  return {};
}

/** A 401 despite the header (or without credentials) ends the operation instead of asking again. */
const refuseChallenge = () => ({ cancel: true });

export function secretsOf(
  auth: GitAuth | undefined,
): Array<string | undefined> {
  return [auth?.password, auth?.bearerToken];
}

/** The remote's refs from one GET of info/refs (protocol v1 advertises everything, peeled tags included). */
export async function isomorphicListRefs(
  url: string,
  auth: GitAuth | undefined,
  caCertificate: string | undefined,
  signal: AbortSignal,
): Promise<RemoteRefs> {
  try {
    const info = await git.getRemoteInfo2({
      http: limitedHttpClient({ signal, caCertificate }),
      url,
      headers: authHeaders(auth),
      onAuth: refuseChallenge,
      protocolVersion: 1,
    });
    const refs = info.refs ?? [];
    const head = refs.find(ref => ref.ref === 'HEAD')?.target;
    const advertised = refs
      .filter(ref => ref.ref !== 'HEAD')
      .map(ref => ({ name: ref.ref, oid: ref.oid, peeled: ref.peeled }));
    return remoteRefsFrom(advertised, head);
  } catch (error) {
    throw classifyIsomorphic(
      signal.aborted ? abortedAs(error) : error,
      url,
      secretsOf(auth),
    );
  }
}

/** Runs the shared fetch plan with isomorphic-git: shallow, single-ref, tag-less fetches into the bare mirror. */
export async function runIsomorphicFetch(
  job: IsomorphicFetchJob,
  context: { cache: object; signal: AbortSignal },
): Promise<IsomorphicFetchOutcome> {
  const { gitdir, url, auth, caCertificate, resolved } = job;
  const { cache, signal } = context;
  const client = limitedHttpClient({
    signal,
    maxBytes: job.maxBytes,
    caCertificate,
  });
  const steps: FetchSteps = {
    ...isomorphicLocalSteps(gitdir, cache),
    listRefs: () => isomorphicListRefs(url, auth, caCertificate, signal),
    fetchRef: async (remoteRef, depth) => {
      const result = await git.fetch({
        fs,
        http: client,
        gitdir,
        cache,
        url,
        ref: remoteRef,
        remoteRef,
        singleBranch: true,
        depth,
        tags: false,
        headers: authHeaders(auth),
        onAuth: refuseChallenge,
      });
      // The mirror's own copy of the ref is what the next fetch offers the server as a "have".
      if (result.fetchHead)
        await git.writeRef({
          fs,
          gitdir,
          ref: remoteRef,
          value: result.fetchHead,
          force: true,
        });
    },
  };
  try {
    await fetchResolved(steps, resolved as ResolvedRef);
  } catch (error) {
    throw classifyIsomorphic(
      signal.aborted ? abortedAs(error) : error,
      url,
      secretsOf(auth),
    );
  }
  return { receivedBytes: client.receivedBytes() };
}

export function isomorphicLocalSteps(
  gitdir: string,
  cache: object,
): Pick<FetchSteps, 'has' | 'inHistory'> {
  const has = (oid: string) =>
    git.readCommit({ fs, gitdir, oid, cache }).then(
      () => true,
      () => false,
    );
  return {
    has,
    inHistory: async (ref, commit) => {
      const tip = await git
        .resolveRef({ fs, gitdir, ref })
        .catch(() => undefined);
      if (!tip) return false;
      if (tip !== commit) {
        // isDescendent compares parent ids, so it can answer yes for a parent the shallow mirror lacks.
        const descends = await git
          .isDescendent({
            fs,
            gitdir,
            oid: tip,
            ancestor: commit,
            depth: -1,
            cache,
          })
          .catch(() => false);
        if (!descends) return false;
      }
      return has(commit);
    },
  };
}

function abortedAs(error: unknown): unknown {
  return error instanceof GitError
    ? error
    : Object.assign(new Error('aborted'), { name: 'AbortError' });
}
