import {
  highestMatchingTag,
  parseSemverConstraint,
  parseTagVersion,
} from './semverRange';

const TAGS = [
  'v0.3.1',
  'v1.0.0',
  'v1.2.0',
  '1.2.3',
  'v1.3.0-rc.1',
  'v2.0.0',
  'v2.1.0-beta.2',
  'v1.2',
  'latest',
  'v01.2.3',
];
const best = (range: string) =>
  highestMatchingTag(TAGS, parseSemverConstraint(range));

describe('Masterminds semver ranges', () => {
  it.each([
    ['>=1.0.0, <2.0.0', '1.2.3'],
    ['>= 1.0.0 < 2.0.0', '1.2.3'],
    ['~1.2', '1.2.3'],
    ['~> 1.2.0', '1.2.3'],
    ['^1', '1.2.3'],
    ['^0.3', 'v0.3.1'],
    ['1.x', '1.2.3'],
    ['1.2.*', '1.2.3'],
    ['*', 'v2.0.0'],
    ['=> 2', 'v2.0.0'],
    ['=<1.2.0', 'v1.2.0'],
    ['1.0 - 1.2', '1.2.3'],
    ['!=2.0.0', '1.2.3'],
    ['>=1, !=1.2.3, <2', 'v1.2.0'],
    ['<1 || >=2', 'v2.0.0'],
    ['>=1.3.0-0 <2', 'v1.3.0-rc.1'],
    ['>=2.1.0-alpha', 'v2.1.0-beta.2'],
  ])('%s picks %s', (range, tag) => {
    expect(best(range)).toBe(tag);
  });

  it('matches no pre-release unless the range names one', () => {
    expect(best('>=2.0.1')).toBeUndefined();
    expect(best('^1.3.0')).toBeUndefined();
  });

  it('refuses what is not a range', () => {
    for (const range of ['', 'latest', '>=', '1.0 -', 'not a range']) {
      expect(() => parseSemverConstraint(range)).toThrow(
        expect.objectContaining({ kind: 'invalid' }),
      );
    }
  });

  it("reads tags as Flux does: strict semver with an optional leading 'v'", () => {
    expect(parseTagVersion('v1.2.3')?.version).toBe('1.2.3');
    expect(parseTagVersion('1.2.3-rc.1+build.5')?.version).toBe('1.2.3-rc.1');
    expect(parseTagVersion('v1.2')).toBeUndefined();
    expect(parseTagVersion('v01.2.3')).toBeUndefined();
    expect(parseTagVersion('release-1.2.3')).toBeUndefined();
  });

  it('orders versions equal but for build metadata by tag name, so the pick is stable', () => {
    const constraint = parseSemverConstraint('^1');
    expect(highestMatchingTag(['v1.0.0+b', 'v1.0.0+a'], constraint)).toBe(
      'v1.0.0+b',
    );
    expect(highestMatchingTag(['v1.0.0+a', 'v1.0.0+b'], constraint)).toBe(
      'v1.0.0+b',
    );
  });
});
