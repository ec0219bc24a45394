import fs from 'node:fs/promises';
import path from 'node:path';

export class PathEscapeError extends Error {
  constructor(relative: string) {
    super(`path '${relative}' escapes the artifact root`);
    this.name = 'PathEscapeError';
  }
}

/**
 * Resolves `relative` under `root`, following symlinks, and refuses anything that lands outside the root.
 * `root` must itself be a real path.
 */
export async function resolveInsideRoot(root: string, relative: string): Promise<string> {
  const candidate = path.resolve(root, relative);
  if (!isInside(root, candidate)) throw new PathEscapeError(relative);
  let real: string;
  try {
    real = await fs.realpath(candidate);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`'${relative}' does not exist in the source`);
    }
    throw error;
  }
  if (!isInside(root, real)) throw new PathEscapeError(relative);
  return real;
}

export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
