import ignore, { Ignore } from 'ignore';
import path from 'node:path';

/** Flux's default exclusions (source-controller's sourceignore): VCS metadata, CI and IDE files, binaries. */
export const DEFAULT_IGNORE_PATTERNS = [
  '.git/',
  '.gitignore',
  '.gitmodules',
  '.gitattributes',
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

/**
 * Decides which paths of a tree go into the artifact: Flux's defaults, every `.sourceignore` (its patterns are
 * relative to its own directory), then `spec.ignore` (which, as in Flux, replaces the defaults when set).
 */
export class SourceIgnore {
  private readonly root: Ignore;
  private readonly nested: Array<{ dir: string; rules: Ignore }> = [];

  constructor(specIgnore: string | undefined, sourceIgnoreFiles: Map<string, string>) {
    this.root = ignore();
    if (specIgnore === undefined) this.root.add(DEFAULT_IGNORE_PATTERNS);
    for (const [file, content] of [...sourceIgnoreFiles].sort(([a], [b]) => a.localeCompare(b))) {
      const dir = path.posix.dirname(file);
      if (dir === '.') this.root.add(content);
      else this.nested.push({ dir: `${dir}/`, rules: ignore().add(content) });
    }
    if (specIgnore !== undefined) this.root.add(specIgnore);
  }

  ignores(file: string): boolean {
    if (this.root.ignores(file)) return true;
    return this.nested.some(({ dir, rules }) => file.startsWith(dir) && rules.ignores(file.slice(dir.length)));
  }
}
