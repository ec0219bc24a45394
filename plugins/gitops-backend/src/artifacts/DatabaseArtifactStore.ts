import { Knex } from 'knex';
import { ArtifactStore, StoredArtifact } from './ArtifactStore';

const TABLE = 'gitops_artifacts';

interface ArtifactRow {
  digest: string;
  revision: string;
  size: number | string;
  content: Buffer;
  created_at: number | string;
}

export class DatabaseArtifactStore implements ArtifactStore {
  constructor(private readonly db: Knex) {}

  async put(artifact: StoredArtifact & { content: Buffer }): Promise<void> {
    await this.db<ArtifactRow>(TABLE)
      .insert({
        digest: artifact.digest,
        revision: artifact.revision,
        size: artifact.size,
        content: artifact.content,
        created_at: Date.now(),
      })
      .onConflict('digest')
      .ignore();
  }

  async get(digest: string): Promise<(StoredArtifact & { content: Buffer }) | undefined> {
    const row = await this.db<ArtifactRow>(TABLE).where({ digest }).first();
    if (!row) return undefined;
    return { digest: row.digest, revision: row.revision, size: Number(row.size), content: Buffer.from(row.content) };
  }

  async has(digest: string): Promise<boolean> {
    const row = await this.db<ArtifactRow>(TABLE).where({ digest }).first('digest');
    return Boolean(row);
  }

  async deleteExcept(keep: string[]): Promise<number> {
    return this.db<ArtifactRow>(TABLE).whereNotIn('digest', keep.length > 0 ? keep : ['']).delete();
  }
}
