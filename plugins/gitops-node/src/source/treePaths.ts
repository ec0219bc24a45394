/** Path rules shared by archiving (git trees) and extraction (tarballs): nothing may reach outside the root. */

const MAX_LINK_HOPS = 40;

/** Splits a relative `/`-path into segments, or returns undefined when it is absolute or climbs out. */
export function safeSegments(relative: string): string[] | undefined {
  if (
    !relative ||
    relative.startsWith('/') ||
    /^[A-Za-z]:/.test(relative) ||
    relative.includes('\\') ||
    relative.includes('\0')
  ) {
    return undefined;
  }
  const segments: string[] = [];
  for (const segment of relative.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') return undefined;
    segments.push(segment);
  }
  return segments.length > 0 ? segments : undefined;
}

/**
 * Whether the symlink at `linkPath` with `target` resolves to a path inside the root, following the other
 * links of the same tree (`links`: path to target) the way the kernel would, so a chain of links that each
 * look harmless cannot climb out either. A link to the root itself counts as outside (it only makes loops).
 */
export function linkStaysInside(
  linkPath: string,
  target: string,
  links: ReadonlyMap<string, string>,
): boolean {
  const stack = linkPath.split('/').slice(0, -1);
  let pending = splitTarget(target);
  if (!pending) return false;
  let hops = 0;
  while (pending.length > 0) {
    const segment = pending.shift()!;
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (stack.length === 0) return false;
      stack.pop();
      continue;
    }
    stack.push(segment);
    const next = links.get(stack.join('/'));
    if (next === undefined) continue;
    hops += 1;
    const nextSegments = splitTarget(next);
    if (hops > MAX_LINK_HOPS || !nextSegments) return false;
    stack.pop();
    pending = [...nextSegments, ...pending];
  }
  return stack.length > 0;
}

function splitTarget(target: string): string[] | undefined {
  if (
    !target ||
    target.startsWith('/') ||
    /^[A-Za-z]:/.test(target) ||
    target.includes('\\') ||
    target.includes('\0')
  ) {
    return undefined;
  }
  return target.split('/');
}
