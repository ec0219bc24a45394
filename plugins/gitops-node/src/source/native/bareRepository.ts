import fs from 'node:fs/promises';
import path from 'node:path';
import { FetchSteps } from '../fetchPlan';
import { runGit } from './gitCli';

/** The steps that only look at the mirror. */
export function localSteps(
  gitdir: string,
): Pick<FetchSteps, 'has' | 'inHistory'> {
  return {
    has: commit =>
      runGit(['cat-file', '-e', `${commit}^{commit}`], { cwd: gitdir }).then(
        () => true,
        () => false,
      ),
    inHistory: (ref, commit) =>
      runGit(['merge-base', '--is-ancestor', commit, ref], {
        cwd: gitdir,
      }).then(
        () => true,
        () => false,
      ),
  };
}

export async function ensureBareRepository(gitdir: string): Promise<void> {
  if (
    await fs.stat(path.join(gitdir, 'HEAD')).then(
      () => true,
      () => false,
    )
  )
    return;
  await fs.mkdir(path.dirname(gitdir), { recursive: true });
  const staging = await fs.mkdtemp(`${gitdir}.init-`);
  await runGit(['init', '--bare', '--quiet', staging]);
  await fs.rename(staging, gitdir).catch(async error => {
    await fs.rm(staging, { recursive: true, force: true });
    if (
      !(await fs.stat(path.join(gitdir, 'HEAD')).then(
        () => true,
        () => false,
      ))
    )
      throw error;
  });
}

export async function commitSubject(
  gitdir: string,
  commit: string,
): Promise<string | undefined> {
  const body = await runGit(['cat-file', 'commit', commit], {
    cwd: gitdir,
  }).catch(() => undefined);
  if (!body) return undefined;
  const text = body.toString('utf8');
  const start = text.indexOf('\n\n');
  return start < 0
    ? undefined
    : text
        .slice(start + 2)
        .split('\n')[0]
        .trim() || undefined;
}
