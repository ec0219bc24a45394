import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The monorepo root (the directory holding the root package.json and test/). */
export function repoRoot(): string {
  return resolve(__dirname, '..', '..');
}

/** Read-only test corpora: $GITOPS_CORPORA_DIR, else <repo>/../shared/corpora. */
export function corporaDir(): string {
  const fromEnv = process.env.GITOPS_CORPORA_DIR;
  const dir = fromEnv
    ? resolve(fromEnv)
    : resolve(repoRoot(), '..', 'shared', 'corpora');
  if (!existsSync(dir)) {
    throw new Error(
      `Test corpora directory ${dir} does not exist; set GITOPS_CORPORA_DIR to the corpora checkout ` +
        `(default is <repo>/../shared/corpora)`,
    );
  }
  return dir;
}
