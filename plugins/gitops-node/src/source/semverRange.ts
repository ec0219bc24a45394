import semver from 'semver';
import { GitError } from './errors';

/**
 * Masterminds/semver constraints (what Flux's `spec.ref.semver` uses) on top of node-semver. The two mostly
 * agree (`~`, `^`, `x`/`*` wildcards, hyphen ranges, `||`); the differences handled here are: commas (and
 * spaces) AND comparators, `!=`, the `=>`, `=<` and `~>` spellings, and pre-releases, which Masterminds
 * only matches when the constraint itself names one.
 */
export interface SemverConstraint {
  readonly source: string;
  matches(version: semver.SemVer): boolean;
}

const OPERATOR = /(!=|>=|<=|=>|=<|~>|[<>=~^])\s+/g;

export function parseSemverConstraint(source: string): SemverConstraint {
  const text = source.trim();
  if (!text) throw new GitError('invalid', 'semver range is empty');
  const includePrerelease = /\d-[0-9A-Za-z]/.test(text.replace(/\s-\s/g, ' '));
  const options = { includePrerelease };
  const groups = text
    .split('||')
    .map(group => parseGroup(group, source, options));
  return {
    source,
    matches: version => groups.some(group => group(version)),
  };
}

type Matcher = (version: semver.SemVer) => boolean;

function parseGroup(
  group: string,
  source: string,
  options: semver.RangeOptions,
): Matcher {
  const tokens = group
    .replace(/,/g, ' ')
    .replace(OPERATOR, '$1')
    .split(/\s+/)
    .filter(Boolean);
  if (tokens.length === 0) throw invalid(source, 'empty alternative');
  const positive: string[] = [];
  const negative: semver.Range[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = normalizeOperator(tokens[i]);
    if (tokens[i + 1] === '-' && tokens[i + 2] !== undefined) {
      positive.push(`${token} - ${tokens[i + 2]}`);
      i += 2;
    } else if (token.startsWith('!=')) {
      negative.push(range(token.slice(2), source, options));
    } else if (token === '-') {
      throw invalid(source, "dangling '-'");
    } else {
      positive.push(token);
    }
  }
  const required = range(
    positive.length ? positive.join(' ') : '*',
    source,
    options,
  );
  return version =>
    required.test(version) &&
    negative.every(excluded => !excluded.test(version));
}

function normalizeOperator(token: string): string {
  if (token.startsWith('=>')) return `>=${token.slice(2)}`;
  if (token.startsWith('=<')) return `<=${token.slice(2)}`;
  if (token.startsWith('~>')) return `~${token.slice(2)}`;
  return token;
}

function range(
  text: string,
  source: string,
  options: semver.RangeOptions,
): semver.Range {
  if (!/\d|[xX*]/.test(text)) throw invalid(source, `'${text}' has no version`);
  try {
    return new semver.Range(text, options);
  } catch {
    throw invalid(source, `cannot parse '${text}'`);
  }
}

function invalid(source: string, detail: string): GitError {
  return new GitError('invalid', `invalid semver range '${source}': ${detail}`);
}

/** Flux's tag versions: strict semver with an optional leading `v`; anything else is not a version. */
export function parseTagVersion(tag: string): semver.SemVer | undefined {
  const bare = tag.startsWith('v') ? tag.slice(1) : tag;
  if (!/^\d/.test(bare)) return undefined;
  return semver.parse(bare) ?? undefined;
}

/**
 * The tag with the highest version matching the constraint. Versions equal but for build metadata are
 * ordered by tag name, so the choice is stable.
 */
export function highestMatchingTag(
  tags: Iterable<string>,
  constraint: SemverConstraint,
): string | undefined {
  let best: { tag: string; version: semver.SemVer } | undefined;
  for (const tag of tags) {
    const version = parseTagVersion(tag);
    if (!version || !constraint.matches(version)) continue;
    const order = best ? semver.compare(version, best.version) : 1;
    if (order > 0 || (order === 0 && best && tag > best.tag))
      best = { tag, version };
  }
  return best?.tag;
}
