import { createHash } from 'node:crypto';
import path from 'node:path';

/** One bare mirror per remote URL (credentials excluded from the key), under the cache directory. */
export function mirrorDirectory(cacheDir: string, url: string, implementation: string): string {
  const key = createHash('sha256').update(url.replace(/\/\/[^/@]*@/, '//')).digest('hex').slice(0, 32);
  return path.join(cacheDir, implementation, `${key}.git`);
}

/** Runs one operation per key at a time: two reconciles of one repository must not fetch into it together. */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    this.tails.set(key, next);
    next.finally(() => {
      if (this.tails.get(key) === next) this.tails.delete(key);
    }).catch(() => undefined);
    return next;
  }
}
