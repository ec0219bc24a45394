import type {
  GitHttpRequest,
  GitHttpResponse,
  HttpClient,
} from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import https from 'node:https';
import { GitError } from '../errors';
import { trustedCertificates } from '../tlsTrust';

export interface TransferLimits {
  signal?: AbortSignal;
  /** Largest total of response bytes; past it the transfer fails with `too-large`. */
  maxBytes?: number;
  /** PEM CA to trust on top of the bundled roots, for HTTPS. */
  caCertificate?: string;
}

const THIN_PACK = ' thin-pack';

/** isomorphic-git's Node client with what it lacks: a custom CA, cancellation and a byte budget. */
export function limitedHttpClient(
  limits: TransferLimits,
): HttpClient & { receivedBytes(): number } {
  const agent = limits.caCertificate
    ? new https.Agent({ ca: trustedCertificates(limits.caCertificate) })
    : undefined;
  let received = 0;
  async function* counted(
    body: AsyncIterableIterator<Uint8Array>,
  ): AsyncIterableIterator<Uint8Array> {
    for await (const chunk of body) {
      received += chunk.byteLength;
      if (limits.maxBytes !== undefined && received > limits.maxBytes) {
        throw new GitError(
          'too-large',
          `the repository is larger than the fetch limit of ${limits.maxBytes} bytes`,
        );
      }
      yield chunk;
    }
  }
  return {
    receivedBytes: () => received,
    async request(request: GitHttpRequest): Promise<GitHttpResponse> {
      if (limits.signal?.aborted) throw abortError();
      const body =
        request.url.endsWith('/git-upload-pack') && request.body
          ? await askForThinPack(request.body)
          : request.body;
      const response = await http.request({
        ...request,
        body,
        agent: request.url.startsWith('https:') ? agent : undefined,
        signal: limits.signal,
      } as GitHttpRequest);
      return {
        ...response,
        body: response.body ? counted(response.body) : undefined,
      };
    },
  };
}

/**
 * Adds `thin-pack` to an upload-pack request. isomorphic-git leaves it out (canonical git cannot read the
 * packs it would keep), but without it git's upload-pack answers a shallow fetch with every object of the new
 * commit, not only the changed ones. isomorphic-git resolves thin packs against the mirror's own objects.
 */
async function askForThinPack(
  body: AsyncIterableIterator<Uint8Array> | Uint8Array[],
): Promise<AsyncIterableIterator<Uint8Array>> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array>)
    chunks.push(chunk);
  const request = Buffer.concat(chunks);
  const length = parseInt(request.subarray(0, 4).toString('ascii'), 16);
  const line = request.subarray(4, length).toString('utf8');
  let rewritten = request;
  if (
    Number.isFinite(length) &&
    line.startsWith('want ') &&
    line.endsWith('\n') &&
    !line.includes(THIN_PACK)
  ) {
    const patched = `${line.slice(0, -1)}${THIN_PACK}\n`;
    const header = (patched.length + 4).toString(16).padStart(4, '0');
    rewritten = Buffer.concat([
      Buffer.from(header + patched, 'utf8'),
      request.subarray(length),
    ]);
  }
  return (async function* single() {
    yield rewritten;
  })();
}

function abortError(): Error {
  const error = new Error('The operation was aborted');
  error.name = 'AbortError';
  return error;
}
