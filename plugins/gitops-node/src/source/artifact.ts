import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { extract, Header } from 'tar-stream';
import { linkStaysInside, safeSegments } from './treePaths';

/** `sha256:<hex>`, the digest format of Flux artifacts. */
export function digestOf(content: Buffer): string {
  return `sha256:${createHash('sha256').update(content).digest('hex')}`;
}

export type ArtifactErrorKind = 'too-large' | 'invalid';

/** An artifact that cannot be unpacked safely: too large, or with an entry that would land outside. */
export class ArtifactError extends Error {
  readonly kind: ArtifactErrorKind;

  constructor(kind: ArtifactErrorKind, message: string) {
    super(message);
    this.name = 'ArtifactError';
    this.kind = kind;
  }
}

export interface ExtractOptions {
  /** Largest total of file contents written. */
  maxBytes: number;
  /** Most entries accepted (default 100,000). */
  maxEntries?: number;
}

const DEFAULT_MAX_ENTRIES = 100_000;

/**
 * Unpacks an artifact (`.tar.gz`) into `destDir`, which should be new and empty. Refuses absolute paths, `..`,
 * links that resolve outside, writing through a link, duplicate entries and anything but files, directories
 * and symlinks; stops past `maxBytes` of content. Files get mode 0644, or 0755 when executable.
 */
export async function extractArtifact(
  tarGz: Buffer,
  destDir: string,
  options: ExtractOptions,
): Promise<{ files: number; bytes: number }> {
  const root = path.resolve(destDir);
  await fs.mkdir(root, { recursive: true });
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const links = new Map<string, string>();
  const written = new Set<string>();
  let bytes = 0;
  let files = 0;
  let entries = 0;

  const place = async (header: Header, stream: AsyncIterable<Buffer>) => {
    entries += 1;
    if (entries > maxEntries)
      throw new ArtifactError(
        'too-large',
        `artifact has more than ${maxEntries} entries`,
      );
    const segments = safeSegments(header.name);
    if (!segments)
      throw new ArtifactError(
        'invalid',
        `artifact entry '${header.name}' escapes the destination`,
      );
    const relative = segments.join('/');
    for (let i = 1; i < segments.length; i++) {
      if (links.has(segments.slice(0, i).join('/'))) {
        throw new ArtifactError(
          'invalid',
          `artifact entry '${header.name}' would be written through a symlink`,
        );
      }
    }
    const target = path.join(root, ...segments);
    const type = header.type ?? 'file';
    if (type === 'directory') {
      if (links.has(relative))
        throw new ArtifactError(
          'invalid',
          `artifact entry '${header.name}' is both a link and a directory`,
        );
      await fs.mkdir(target, { recursive: true });
      return;
    }
    if (written.has(relative) || links.has(relative)) {
      throw new ArtifactError('invalid', `artifact has '${header.name}' twice`);
    }
    await fs.mkdir(path.dirname(target), { recursive: true });
    if (type === 'symlink') {
      const linkname = header.linkname ?? '';
      if (!linkStaysInside(relative, linkname, links)) {
        throw new ArtifactError(
          'invalid',
          `artifact link '${header.name}' points outside the destination`,
        );
      }
      await fs.symlink(linkname, target);
      links.set(relative, linkname);
      files += 1;
      return;
    }
    if (type !== 'file' && type !== 'contiguous-file') {
      throw new ArtifactError(
        'invalid',
        `artifact entry '${header.name}' has unsupported type '${type}'`,
      );
    }
    const chunks: Buffer[] = [];
    for await (const chunk of stream) {
      bytes += chunk.length;
      if (bytes > options.maxBytes) {
        throw new ArtifactError(
          'too-large',
          `artifact is larger than the limit of ${options.maxBytes} bytes`,
        );
      }
      chunks.push(chunk);
    }
    const executable = ((header.mode ?? 0) & 0o111) !== 0;
    await fs.writeFile(target, Buffer.concat(chunks), {
      mode: executable ? 0o755 : 0o644,
      flag: 'wx',
    });
    written.add(relative);
    files += 1;
  };

  const untar = extract();
  untar.on('entry', (header, stream, next) => {
    place(header, stream as unknown as AsyncIterable<Buffer>)
      .then(() => drain(stream))
      .then(
        () => next(),
        error => {
          stream.resume();
          next(error as Error);
        },
      );
  });
  try {
    await pipeline(Readable.from([tarGz]), createGunzip(), untar);
  } catch (error) {
    if (error instanceof ArtifactError) throw error;
    throw new ArtifactError(
      'invalid',
      `artifact is not a readable .tar.gz: ${(error as Error).message}`,
    );
  }
  return { files, bytes };
}

async function drain(stream: AsyncIterable<unknown>): Promise<void> {
  for await (const _chunk of stream) {
    // skipping the rest of an entry
  }
}
