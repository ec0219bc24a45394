import { extractArtifact } from '@internal/plugin-gitops-node';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ArtifactStore } from './ArtifactStore';

/**
 * Unpacked artifacts on local disk, one directory per digest, so any replica can build from an artifact
 * another replica fetched. A directory appears whole or not at all (unpacked aside, then renamed).
 */
export class ArtifactCache {
  private readonly pending = new Map<string, Promise<string>>();

  constructor(
    private readonly store: ArtifactStore,
    private readonly directory: string,
    private readonly maxBytes: number,
  ) {}

  checkout(digest: string): Promise<string> {
    const existing = this.pending.get(digest);
    if (existing) return existing;
    const work = this.unpack(digest).finally(() => this.pending.delete(digest));
    this.pending.set(digest, work);
    return work;
  }

  private async unpack(digest: string): Promise<string> {
    if (!/^sha256:[0-9a-f]{64}$/.test(digest)) throw new Error(`invalid artifact digest '${digest}'`);
    const target = path.join(this.directory, digest.replace(':', '-'));
    if (await exists(target)) return target;
    const artifact = await this.store.get(digest);
    if (!artifact) throw new Error(`artifact ${digest} is not in storage`);
    await fs.mkdir(this.directory, { recursive: true });
    const staging = await fs.mkdtemp(path.join(this.directory, '.unpack-'));
    try {
      await extractArtifact(artifact.content, staging, { maxBytes: this.maxBytes });
      await fs.rename(staging, target).catch(async error => {
        if (!(await exists(target))) throw error; // another caller finished first: theirs is as good
      });
    } finally {
      await fs.rm(staging, { recursive: true, force: true });
    }
    return target;
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}
