import http from 'node:http';
import https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import { KubeApiError, StatusCause } from './errors';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface KubeRequest {
  method: HttpMethod;
  /** API path (`/apis/apps/v1/namespaces/x/deployments/y`), already encoded. */
  path: string;
  query?: Record<string, string | undefined>;
  body?: string;
  contentType?: string;
}

/** Sends one request to the apiserver; answers the parsed JSON body or throws a KubeApiError. */
export interface KubeTransport {
  request(request: KubeRequest): Promise<unknown>;
}

export interface TransportOptions {
  /** Per-request timeout. Default 30 s. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * A transport over the current context of a KubeConfig. TLS material and credentials come from
 * @kubernetes/client-node (so exec plugins and token files keep working); connections are kept alive,
 * which a reconcile of hundreds of objects needs.
 */
export function createKubeTransport(kubeConfig: KubeConfig, options: TransportOptions = {}): KubeTransport {
  const cluster = kubeConfig.getCurrentCluster();
  if (!cluster) throw new Error('kubeconfig has no current cluster');
  let server: URL;
  try {
    server = new URL(cluster.server);
  } catch {
    throw new Error(`kubeconfig cluster "${cluster.name}" has an invalid server URL`);
  }
  if (server.protocol !== 'https:' && server.protocol !== 'http:') {
    throw new Error(`kubeconfig cluster "${cluster.name}" has an unsupported server URL scheme ${server.protocol}`);
  }
  const basePath = server.pathname.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let agentPromise: Promise<http.Agent> | undefined;

  const agent = () => {
    agentPromise ??= (async () => {
      const tls: https.RequestOptions = {};
      await kubeConfig.applyToHTTPSOptions(tls);
      if (cluster.proxyUrl) return tls.agent as http.Agent;
      if (server.protocol === 'http:') return new http.Agent({ keepAlive: true });
      return new https.Agent({
        keepAlive: true,
        ca: tls.ca,
        cert: tls.cert,
        key: tls.key,
        pfx: tls.pfx,
        passphrase: tls.passphrase,
        servername: tls.servername,
        ...(tls.rejectUnauthorized === undefined ? {} : { rejectUnauthorized: tls.rejectUnauthorized }),
      });
    })();
    return agentPromise;
  };

  return {
    async request(request: KubeRequest): Promise<unknown> {
      const credentials: https.RequestOptions = { headers: {} };
      await kubeConfig.applyToHTTPSOptions(credentials);
      const headers: Record<string, string> = { Accept: 'application/json', 'User-Agent': 'gitops-engine' };
      for (const [key, value] of Object.entries(credentials.headers ?? {})) {
        if (typeof value === 'string' || typeof value === 'number') headers[key] = String(value);
      }
      if (credentials.auth) headers.Authorization = `Basic ${Buffer.from(credentials.auth).toString('base64')}`;
      if (request.body !== undefined) {
        headers['Content-Type'] = request.contentType ?? 'application/json';
        headers['Content-Length'] = String(Buffer.byteLength(request.body));
      }
      const search = new URLSearchParams();
      for (const [key, value] of Object.entries(request.query ?? {})) {
        if (value !== undefined) search.set(key, value);
      }
      const query = search.toString();
      const path = `${basePath}${request.path}${query ? `?${query}` : ''}`;
      const label = `${request.method} ${request.path}`;
      const response = await send(server, path, request, headers, await agent(), timeoutMs, label);
      return interpret(response, label);
    },
  };
}

interface RawResponse {
  status: number;
  contentType: string;
  body: string;
}

function send(
  server: URL,
  path: string,
  request: KubeRequest,
  headers: Record<string, string>,
  agent: http.Agent,
  timeoutMs: number,
  label: string,
): Promise<RawResponse> {
  const lib = server.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(
      {
        protocol: server.protocol,
        hostname: server.hostname.replace(/^\[|\]$/g, ''),
        port: server.port || undefined,
        path,
        method: request.method,
        headers,
        agent,
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', error => reject(connectionError(label, error)));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', error => reject(connectionError(label, error)));
    req.end(request.body);
  });
}

function connectionError(label: string, error: Error): KubeApiError {
  return new KubeApiError({ status: 0, message: `request failed: ${error.message}`, request: label });
}

function interpret(response: RawResponse, label: string): unknown {
  let parsed: unknown;
  if (response.body.length > 0 && response.contentType.includes('json')) {
    try {
      parsed = JSON.parse(response.body);
    } catch {
      throw new KubeApiError({ status: response.status, message: 'the apiserver answered malformed JSON', request: label });
    }
  }
  if (response.status >= 200 && response.status < 300) return parsed ?? {};
  const status = parsed as { kind?: string; message?: string; reason?: string; details?: { causes?: StatusCause[] } };
  if (status && status.kind === 'Status') {
    throw new KubeApiError({
      status: response.status,
      reason: status.reason,
      message: status.message ?? `HTTP ${response.status}`,
      causes: Array.isArray(status.details?.causes) ? status.details!.causes : [],
      request: label,
    });
  }
  const text = response.body.trim().slice(0, 300);
  throw new KubeApiError({ status: response.status, message: text || `HTTP ${response.status}`, request: label });
}
