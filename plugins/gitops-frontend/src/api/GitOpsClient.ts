import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  ActionResponse,
  GitOpsObject,
  HistoryEntry,
  ListObjectsQuery,
  ListObjectsResponse,
  ObjectEvent,
  ObjectId,
  Page,
} from '@internal/plugin-gitops-common';
import { GitOpsApi, ObjectAction, PageRequest } from './GitOpsApi';

/** Talks to the GitOps backend through Backstage's discovery and (authenticated) fetch. */
export class GitOpsClient implements GitOpsApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async listObjects(query: ListObjectsQuery = {}): Promise<GitOpsObject[]> {
    const response = await this.request<ListObjectsResponse>('GET', `/objects${queryString({ ...query })}`);
    return response.items;
  }

  async getObject(id: ObjectId): Promise<GitOpsObject> {
    return this.request('GET', objectPath(id));
  }

  async getHistory(id: ObjectId, page: PageRequest = {}): Promise<Page<HistoryEntry>> {
    return this.request('GET', `${objectPath(id)}/history${queryString({ ...page })}`);
  }

  async getEvents(id: ObjectId, page: PageRequest = {}): Promise<Page<ObjectEvent>> {
    return this.request('GET', `${objectPath(id)}/events${queryString({ ...page })}`);
  }

  async reconcile(id: ObjectId): Promise<ActionResponse> {
    return this.act(id, 'reconcile');
  }

  async suspend(id: ObjectId): Promise<ActionResponse> {
    return this.act(id, 'suspend');
  }

  async resume(id: ObjectId): Promise<ActionResponse> {
    return this.act(id, 'resume');
  }

  private async act(id: ObjectId, action: ObjectAction): Promise<ActionResponse> {
    return this.request('POST', `${objectPath(id)}/${action}`);
  }

  private async request<T>(method: 'GET' | 'POST', path: string): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('gitops');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      method,
      headers: { accept: 'application/json' },
    });
    if (!response.ok) {
      if (response.status < 400) {
        throw new Error(`GitOps backend answered ${method} ${path} with an unexpected status ${response.status}`);
      }
      throw await ResponseError.fromResponse(await withBackstageErrorBody(response));
    }
    return (await response.json()) as T;
  }
}

/**
 * ResponseError only reads the message out of Backstage's full error body (`{ error, response }`); a bare
 * `{ error: { name, message } }` is completed here so its message still reaches the person.
 */
async function withBackstageErrorBody(response: Response): Promise<Response> {
  const text = await response.text();
  let body: { error?: { message?: unknown }; response?: unknown } | undefined;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const bare = body && typeof body.error?.message === 'string' && !body.response;
  const init = { status: response.status, statusText: response.statusText, headers: response.headers };
  if (!bare) return new Response(text, init);
  const completed = { ...body, response: { statusCode: response.status } };
  return new Response(JSON.stringify(completed), {
    ...init,
    headers: { 'content-type': 'application/json' },
  });
}

/** `/objects/<cluster>/<kind>/<namespace>/<name>`, each segment escaped so names cannot change the route. */
export function objectPath(id: ObjectId): string {
  const segments = [id.cluster, id.kind, id.namespace, id.name];
  // '.' and '..' survive encoding and would be collapsed by the URL parser into another route.
  if (segments.some(segment => !segment || segment === '.' || segment === '..')) {
    throw new Error(`Invalid object id ${JSON.stringify(id)}: cluster, kind, namespace and name must be non-empty names`);
  }
  return `/objects/${segments.map(segment => encodeURIComponent(segment)).join('/')}`;
}

function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
