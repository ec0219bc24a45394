import { GitError } from './errors';
import { RemoteRefs, ResolvedRef } from './types';

/** Git's own way to say "all of it" for --depth. */
export const FULL_DEPTH = 2147483647;

/** How far a branch is deepened, step by step, to find a commit in its history. */
export const DEEPEN_STEPS = [1, 16, 256, 4096, FULL_DEPTH];

/** The few primitives each implementation provides; the order of the steps is shared. */
export interface FetchSteps {
  /** Shallow fetch of one remote ref to `depth` commits, into the same ref name in the mirror. */
  fetchRef(remoteRef: string, depth: number): Promise<void>;
  /** Fetches one commit by id; false when the server does not serve unadvertised commits. */
  fetchCommit?(commit: string): Promise<boolean>;
  has(commit: string): Promise<boolean>;
  /** Whether `commit` is `ref` or one of its ancestors, in what the mirror holds. */
  inHistory(ref: string, commit: string): Promise<boolean>;
  listRefs(): Promise<RemoteRefs>;
}

/** Whether the mirror already holds what `resolved` names, with no network at all. */
export async function alreadyPresent(
  steps: Pick<FetchSteps, 'has' | 'inHistory'>,
  resolved: ResolvedRef,
): Promise<boolean> {
  if (resolved.kind === 'commit' && resolved.remoteRef)
    return steps.inHistory(resolved.remoteRef, resolved.commit);
  return steps.has(resolved.commit);
}

/**
 * Brings a resolved commit into the mirror with as little transfer as possible: a depth-1 fetch of the ref
 * (the mirror's own refs give the server its "haves", so a new commit costs only what changed). A commit
 * given with a branch is looked for in that branch's history, deepened step by step; a commit given alone is
 * fetched by id where the server allows it, else looked for in the default branch.
 */
export async function fetchResolved(
  steps: FetchSteps,
  resolved: ResolvedRef,
): Promise<void> {
  const { commit } = resolved;
  if (resolved.kind !== 'commit') {
    const remoteRef = resolved.remoteRef!;
    await steps.fetchRef(remoteRef, 1);
    if (await steps.has(commit)) return;
    if (steps.fetchCommit && (await steps.fetchCommit(commit))) return;
    throw new GitError(
      'not-found',
      `${remoteRef} no longer points at ${commit}: resolve it again`,
    );
  }
  let branchRef = resolved.remoteRef;
  if (!branchRef) {
    if (steps.fetchCommit && (await steps.fetchCommit(commit))) return;
    const remote = await steps.listRefs();
    const tip = [...remote.refs].find(
      ([name, sha]) => sha === commit && /^refs\/(heads|tags)\//.test(name),
    );
    if (tip) {
      await steps.fetchRef(tip[0], 1);
      if (await steps.has(commit)) return;
    }
    if (!remote.head) {
      throw new GitError(
        'not-found',
        `commit ${commit} not found: the remote names no default branch, set spec.ref.branch`,
      );
    }
    branchRef = `refs/heads/${remote.head}`;
  }
  for (const depth of DEEPEN_STEPS) {
    await steps.fetchRef(branchRef, depth);
    if (await steps.inHistory(branchRef, commit)) return;
  }
  throw new GitError(
    'not-found',
    `commit ${commit} is not in the history of ${branchRef}`,
  );
}
