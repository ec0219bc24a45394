import { SourceIgnore } from './sourceIgnore';

const PATHS = [
  'README.md',
  'logo.png',
  '.github/workflows/ci.yaml',
  '.gitignore',
  'sub/.gitattributes',
  'apps/a.yaml',
  'apps/secret.txt',
  'apps/sub/secret.txt',
  'deploy/app.yaml',
  'deploy/x/notes.md',
  'x/.sops.yaml',
  'y/cloudbuild.yaml',
  'deploy/keep.png',
];
const kept = (rules: SourceIgnore) =>
  PATHS.filter(file => !rules.ignores(file));

describe('SourceIgnore (Flux semantics)', () => {
  it("applies Flux's default exclusions when there are no rules", () => {
    expect(kept(new SourceIgnore([]))).toEqual([
      'README.md',
      'apps/a.yaml',
      'apps/secret.txt',
      'apps/sub/secret.txt',
      'deploy/app.yaml',
      'deploy/x/notes.md',
    ]);
    // a pattern without a slash matches at any depth
    expect(new SourceIgnore([]).ignores('y/cloudbuild.yaml')).toBe(true);
  });

  it('scopes a .sourceignore to its directory, and any rule replaces the defaults but not the VCS exclusions', () => {
    expect(
      kept(
        new SourceIgnore([
          { dir: 'apps', content: '# comment\n\nsecret.txt\n' },
        ]),
      ),
    ).toEqual([
      'README.md',
      'logo.png',
      '.github/workflows/ci.yaml',
      'apps/a.yaml',
      'deploy/app.yaml',
      'deploy/x/notes.md',
      'x/.sops.yaml',
      'y/cloudbuild.yaml',
      'deploy/keep.png',
    ]);
  });

  it('keeps the defaults when the rules are only comments', () => {
    expect(
      kept(new SourceIgnore([{ dir: '', content: '# nothing here\n' }], '')),
    ).toEqual(kept(new SourceIgnore([])));
  });

  it('lets spec.ignore come last: exclude all, re-include a directory, exclude inside it', () => {
    const rules = new SourceIgnore(
      [{ dir: 'deploy', content: '!*.md\n' }],
      '/*\n!/deploy\n/deploy/**/*.md\n',
    );
    expect(kept(rules)).toEqual(['deploy/app.yaml', 'deploy/keep.png']);
  });

  it('lets a deeper .sourceignore overrule a shallower one, and a negation re-include a file', () => {
    const rules = new SourceIgnore([
      { dir: 'apps/sub', content: '!secret.txt\n' },
      { dir: '', content: '*.png\n!deploy/keep.png\nsecret.txt\n' },
    ]);
    expect(kept(rules)).toContain('apps/sub/secret.txt');
    expect(kept(rules)).not.toContain('apps/secret.txt');
    expect(kept(rules)).toContain('deploy/keep.png');
    expect(kept(rules)).not.toContain('logo.png');
  });

  it('excludes a whole directory by a directory pattern', () => {
    const rules = new SourceIgnore([], 'deploy/\n');
    expect(rules.ignores('deploy/x/notes.md')).toBe(true);
    expect(rules.ignores('deploy', true)).toBe(true);
    expect(rules.ignores('deploy')).toBe(false);
  });
});
