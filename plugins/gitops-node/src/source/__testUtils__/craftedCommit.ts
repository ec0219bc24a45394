import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** One entry of a hand-made tree: a file, an executable, or a symlink (content = target). */
export interface CraftedEntry {
  mode: '100644' | '100755' | '120000';
  content: string;
}

/**
 * Commits a tree that the harness cannot make through a work tree (symlinks, names git itself would refuse
 * such as `..`) straight into a bare repository of the test server with git plumbing, on top of `branch`.
 * `tree` maps paths to entries; directories are built from the `/` in paths.
 */
export function commitCraftedTree(
  serverRoot: string,
  repo: string,
  branch: string,
  tree: Record<string, CraftedEntry>,
): string {
  const gitdir = path.join(serverRoot, `${repo}.git`);
  const git = (args: string[], input?: string) =>
    execFileSync('git', ['--git-dir', gitdir, ...args], {
      input,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@e',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@e',
      },
    })
      .toString('utf8')
      .trim();
  const build = (prefix: string): string => {
    const lines: string[] = [];
    const dirs = new Set<string>();
    for (const [file, entry] of Object.entries(tree)) {
      if (!file.startsWith(prefix)) continue;
      const rest = file.slice(prefix.length);
      const slash = rest.indexOf('/');
      if (slash >= 0) {
        dirs.add(rest.slice(0, slash));
        continue;
      }
      const oid = git(['hash-object', '-w', '--stdin'], entry.content);
      lines.push(`${entry.mode} blob ${oid}\t${rest}`);
    }
    for (const dir of dirs)
      lines.push(`040000 tree ${build(`${prefix}${dir}/`)}\t${dir}`);
    return git(['mktree'], `${lines.join('\n')}\n`);
  };
  const parent = git(['rev-parse', `refs/heads/${branch}`]);
  const commit = git([
    'commit-tree',
    build(''),
    '-p',
    parent,
    '-m',
    'crafted tree',
  ]);
  git(['update-ref', `refs/heads/${branch}`, commit]);
  return commit;
}
