import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { extract } from 'tar-stream';

/**
 * Unpacks an artifact tarball into `destination`, refusing entries that would land outside it (absolute
 * paths, `..`, links pointing out) and stopping past `maxBytes` of content.
 */
export async function extractArtifact(tarGz: Buffer, destination: string, options: { maxBytes: number }): Promise<void> {
  const root = path.resolve(destination);
  await fs.mkdir(root, { recursive: true });
  const untar = extract();
  let total = 0;
  untar.on('entry', (header, stream, next) => {
    const run = async () => {
      const target = path.resolve(root, header.name);
      if (!isInside(root, target)) throw new Error(`artifact entry '${header.name}' escapes the destination`);
      if (header.type === 'directory') {
        await fs.mkdir(target, { recursive: true });
        stream.resume();
        return;
      }
      await fs.mkdir(path.dirname(target), { recursive: true });
      if (header.type === 'symlink') {
        const linked = path.resolve(path.dirname(target), header.linkname ?? '');
        if (!header.linkname || path.isAbsolute(header.linkname) || !isInside(root, linked)) {
          throw new Error(`artifact link '${header.name}' points outside the destination`);
        }
        await fs.symlink(header.linkname, target);
        stream.resume();
        return;
      }
      if (header.type !== 'file') {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > options.maxBytes) throw new Error(`artifact is larger than the ${options.maxBytes}-byte limit`);
        chunks.push(chunk);
      }
      await fs.writeFile(target, Buffer.concat(chunks), { mode: (header.mode ?? 0o644) & 0o755 });
    };
    run().then(() => next(), next);
  });
  await pipeline(Readable.from(tarGz), createGunzip(), untar);
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
