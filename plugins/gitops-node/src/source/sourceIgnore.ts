import ignore, { Ignore } from 'ignore';

/** Always excluded unless a rule says otherwise: VCS metadata. */
export const VCS_IGNORE_PATTERNS = [
  '.git/',
  '.gitignore',
  '.gitmodules',
  '.gitattributes',
];

/** Flux's default exclusions (source-controller's `sourceignore` package): binaries, CI and tool configs. */
export const DEFAULT_IGNORE_PATTERNS = [
  '*.jpg',
  '*.jpeg',
  '*.gif',
  '*.png',
  '*.wmv',
  '*.flv',
  '*.tar.gz',
  '*.zip',
  '.github/',
  '.circleci/',
  '.travis.yml',
  '.gitlab-ci.yml',
  'appveyor.yml',
  '.drone.yml',
  'cloudbuild.yaml',
  'codeship-services.yml',
  'codeship-steps.yml',
  '**/.goreleaser.yml',
  '**/.sops.yaml',
  '**/.flux.yaml',
];

export const SOURCE_IGNORE_FILE = '.sourceignore';

/** A `.sourceignore` file: the directory it sits in (`''` for the root) and its text. */
export interface SourceIgnoreFile {
  dir: string;
  content: string;
}

interface Rule {
  /** Path segments the rule is scoped to (the directory of its `.sourceignore`). */
  domain: string[];
  matcher: Ignore;
}

/**
 * Decides which paths go into an artifact, as source-controller does: rules are gitignore patterns scoped to
 * the directory of the `.sourceignore` that holds them; `spec.ignore` rules come last and win. When there are
 * no rules at all, Flux's defaults apply; when there are, only the VCS exclusions stay beneath them. The last
 * rule that matches a path or one of its parent directories decides, so `!dir` re-includes a whole directory.
 */
export class SourceIgnore {
  private readonly rules: Rule[];

  constructor(files: SourceIgnoreFile[], specIgnore?: string) {
    const ordered = [...files].sort((a, b) =>
      compareSegments(split(a.dir), split(b.dir)),
    );
    const own: Rule[] = [];
    for (const file of ordered)
      own.push(...parseRules(file.content, split(file.dir)));
    if (specIgnore !== undefined) own.push(...parseRules(specIgnore, []));
    const base =
      own.length > 0
        ? VCS_IGNORE_PATTERNS
        : [...VCS_IGNORE_PATTERNS, ...DEFAULT_IGNORE_PATTERNS];
    this.rules = [...base.map(pattern => rule(pattern, [])), ...own];
  }

  /** `path` is relative to the tree root with `/` separators. */
  ignores(path: string, isDirectory = false): boolean {
    const segments = split(path);
    for (let i = this.rules.length - 1; i >= 0; i--) {
      const verdict = matchRule(this.rules[i], segments, isDirectory);
      if (verdict !== undefined) return verdict;
    }
    return false;
  }
}

function parseRules(text: string, domain: string[]): Rule[] {
  return text
    .split(/\r?\n/)
    .filter(line => line.trim().length > 0 && !line.startsWith('#'))
    .map(line => rule(line, domain));
}

function rule(pattern: string, domain: string[]): Rule {
  return { domain, matcher: ignore({ allowRelativePaths: true }).add(pattern) };
}

/** true = excluded, false = re-included, undefined = the rule does not speak about this path. */
function matchRule(
  candidate: Rule,
  segments: string[],
  isDirectory: boolean,
): boolean | undefined {
  const { domain } = candidate;
  if (segments.length <= domain.length) return undefined;
  for (let i = 0; i < domain.length; i++)
    if (segments[i] !== domain[i]) return undefined;
  const relative = segments.slice(domain.length);
  for (let depth = 1; depth <= relative.length; depth++) {
    const isLast = depth === relative.length;
    const probe =
      relative.slice(0, depth).join('/') + (!isLast || isDirectory ? '/' : '');
    const result = candidate.matcher.test(probe);
    if (result.ignored) return true;
    if (result.unignored) return false;
  }
  return undefined;
}

function split(path: string): string[] {
  return path
    .split('/')
    .filter(segment => segment.length > 0 && segment !== '.');
}

/** Orders directories the way a depth-first walk with sorted entries visits them (parents first). */
function compareSegments(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return a.length - b.length;
}
