import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export interface RecordedRequest {
  method: string;
  path: string;
}

export interface TestProxy {
  baseUrl: string;
  requests: RecordedRequest[];
  stop(): Promise<void>;
}

/**
 * A reverse proxy in front of the test git server that records every request (to count round trips), and
 * optionally speaks HTTPS with the given certificate (to test custom CAs).
 */
export async function startProxy(
  target: string,
  tls?: { key: string; cert: string },
): Promise<TestProxy> {
  const requests: RecordedRequest[] = [];
  const upstream = new URL(target);
  const handler: http.RequestListener = (req, res) => {
    requests.push({ method: req.method ?? 'GET', path: req.url ?? '/' });
    const forward = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      answer => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  };
  const server = tls
    ? https.createServer({ key: tls.key, cert: tls.cert }, handler)
    : http.createServer(handler);
  const sockets = new Set<Socket>();
  server.on('connection', socket => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    stop: () =>
      new Promise(resolve => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

/** A server that accepts connections and never answers: what a hung remote looks like. */
export async function startSilentServer(): Promise<{
  baseUrl: string;
  stop(): Promise<void>;
}> {
  const sockets = new Set<Socket>();
  const server = http.createServer(() => undefined);
  server.on('connection', socket => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise(resolve => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

/** A self-signed certificate for 127.0.0.1, made with the openssl CLI (node:crypto cannot sign X.509). */
export async function selfSignedCertificate(): Promise<{
  key: string;
  cert: string;
}> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gitops-tls-'));
  try {
    await promisify(execFile)(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        'key.pem',
        '-out',
        'cert.pem',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ],
      { cwd: dir },
    );
    return {
      key: await fs.readFile(path.join(dir, 'key.pem'), 'utf8'),
      cert: await fs.readFile(path.join(dir, 'cert.pem'), 'utf8'),
    };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
