/** Where source artifacts live: the database (so every replica can read them) with a local extracted cache. */
export interface StoredArtifact {
  digest: string;
  revision: string;
  size: number;
}

export interface ArtifactStore {
  /** Stores a tarball; storing the same digest twice is a no-op. */
  put(artifact: StoredArtifact & { content: Buffer }): Promise<void>;
  get(digest: string): Promise<(StoredArtifact & { content: Buffer }) | undefined>;
  has(digest: string): Promise<boolean>;
  /** Deletes every artifact not in `keep`; returns how many went. */
  deleteExcept(keep: string[]): Promise<number>;
}
