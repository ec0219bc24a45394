import { execFile } from 'node:child_process';

/**
 * Runs native git with an environment isolated from the machine's own configuration, so commits made by the
 * harness look the same everywhere (identity, no hooks or templates from ~/.gitconfig or /etc/gitconfig).
 */
export function runGit(
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<string> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: '/nonexistent',
    LANG: 'C',
    LC_ALL: 'C',
    TZ: 'UTC',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    GIT_AUTHOR_NAME: 'GitOps Test',
    GIT_AUTHOR_EMAIL: 'gitops-test@example.invalid',
    GIT_COMMITTER_NAME: 'GitOps Test',
    GIT_COMMITTER_EMAIL: 'gitops-test@example.invalid',
    ...options.env,
  };
  const fullArgs = [
    '-c',
    'user.name=GitOps Test',
    '-c',
    'user.email=gitops-test@example.invalid',
    '-c',
    'init.defaultBranch=main',
    '-c',
    'commit.gpgsign=false',
    '-c',
    'tag.gpgsign=false',
    '-c',
    'core.autocrlf=false',
    ...args,
  ];
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      fullArgs,
      { cwd: options.cwd, env, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          reject(
            new Error(
              `git ${args.join(' ')} failed: ${
                String(stderr).trim() || error.message
              }`,
            ),
          );
        } else {
          resolve(String(stdout).trim());
        }
      },
    );
  });
}
