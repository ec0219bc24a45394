import { spawn } from 'node:child_process';
import type { IncomingMessage, ServerResponse } from 'node:http';

const HEADER_LIMIT = 64 * 1024;

/** Serves one smart-HTTP request by running `git http-backend` as a CGI program over the repositories in projectRoot. */
export function serveWithGitHttpBackend(
  req: IncomingMessage,
  res: ServerResponse,
  options: { projectRoot: string; remoteUser?: string },
): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  let pathInfo: string;
  try {
    pathInfo = decodeURIComponent(url.pathname);
  } catch {
    sendText(res, 400, 'Malformed URL path\n');
    return;
  }
  if (pathInfo.includes('\0') || pathInfo.split('/').some(s => s === '..')) {
    sendText(res, 400, 'Invalid repository path\n');
    return;
  }

  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: '/nonexistent',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    // Command-scope configuration: lets pushes through and trusts repositories owned by another user.
    GIT_CONFIG_COUNT: '3',
    GIT_CONFIG_KEY_0: 'http.receivepack',
    GIT_CONFIG_VALUE_0: 'true',
    GIT_CONFIG_KEY_1: 'safe.directory',
    GIT_CONFIG_VALUE_1: '*',
    GIT_CONFIG_KEY_2: 'uploadpack.allowFilter',
    GIT_CONFIG_VALUE_2: 'true',
    GIT_PROJECT_ROOT: options.projectRoot,
    GIT_HTTP_EXPORT_ALL: '1',
    PATH_INFO: pathInfo,
    QUERY_STRING: url.search.replace(/^\?/, ''),
    REQUEST_METHOD: req.method ?? 'GET',
    REMOTE_ADDR: req.socket.remoteAddress ?? '127.0.0.1',
  };
  const contentType = req.headers['content-type'];
  if (contentType) env.CONTENT_TYPE = contentType;
  const contentLength = req.headers['content-length'];
  if (contentLength) env.CONTENT_LENGTH = contentLength;
  const contentEncoding = req.headers['content-encoding'];
  if (contentEncoding) env.HTTP_CONTENT_ENCODING = contentEncoding;
  const gitProtocol = req.headers['git-protocol'];
  if (typeof gitProtocol === 'string') env.GIT_PROTOCOL = gitProtocol;
  if (options.remoteUser) env.REMOTE_USER = options.remoteUser;

  const child = spawn('git', ['http-backend'], {
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const stderr: Buffer[] = [];
  child.stderr.on('data', (chunk: Buffer) => {
    if (stderr.length < 64) stderr.push(chunk);
  });
  child.stdin.on('error', () => {
    // http-backend may answer (e.g. 404) and exit before reading the body: the broken pipe is expected.
  });
  child.on('error', error => {
    if (!res.headersSent)
      sendText(
        res,
        500,
        `git http-backend failed to start: ${error.message}\n`,
      );
    else res.destroy(error);
  });
  res.on('close', () => {
    if (child.exitCode === null && child.signalCode === null)
      child.kill('SIGKILL');
  });
  req.pipe(child.stdin);

  let head = Buffer.alloc(0);
  const onHeaderData = (chunk: Buffer) => {
    head = Buffer.concat([head, chunk]);
    const split = findHeaderEnd(head);
    if (!split) {
      if (head.length > HEADER_LIMIT) {
        child.stdout.off('data', onHeaderData);
        child.kill('SIGKILL');
        sendText(res, 502, 'git http-backend sent oversized CGI headers\n');
      }
      return;
    }
    child.stdout.off('data', onHeaderData);
    child.stdout.pause();
    const { status, headers } = parseCgiHeaders(
      head.subarray(0, split.headerEnd).toString('latin1'),
    );
    res.writeHead(status, headers);
    const rest = head.subarray(split.bodyStart);
    if (rest.length > 0) res.write(rest);
    child.stdout.pipe(res);
  };
  child.stdout.on('data', onHeaderData);
  child.on('close', code => {
    if (!res.headersSent) {
      const detail = Buffer.concat(stderr).toString('utf8').trim();
      sendText(
        res,
        502,
        `git http-backend exited with ${code} before answering${
          detail ? `: ${detail}` : ''
        }\n`,
      );
    }
  });
}

function findHeaderEnd(
  buffer: Buffer,
): { headerEnd: number; bodyStart: number } | undefined {
  const crlf = buffer.indexOf('\r\n\r\n');
  const lf = buffer.indexOf('\n\n');
  if (crlf >= 0 && (lf < 0 || crlf <= lf))
    return { headerEnd: crlf, bodyStart: crlf + 4 };
  if (lf >= 0) return { headerEnd: lf, bodyStart: lf + 2 };
  return undefined;
}

function parseCgiHeaders(text: string): {
  status: number;
  headers: Record<string, string | string[]>;
} {
  let status = 200;
  const headers: Record<string, string | string[]> = {};
  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (name.toLowerCase() === 'status') {
      const code = Number.parseInt(value, 10);
      if (code >= 100 && code <= 599) status = code;
    } else if (headers[name] !== undefined) {
      headers[name] = ([] as string[]).concat(headers[name], value);
    } else {
      headers[name] = value;
    }
  }
  return { status, headers };
}

export function sendText(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    ...headers,
  });
  res.end(body);
}
