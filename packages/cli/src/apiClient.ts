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

/** A small client of the gitops REST API for the command line. */
export class ApiClient {
  constructor(private readonly baseUrl: string, private readonly token?: string) {}

  async listObjects(query: ListObjectsQuery): Promise<GitOpsObject[]> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value) params.set(key, String(value));
    }
    const suffix = params.size > 0 ? `?${params}` : '';
    const response = await this.request<ListObjectsResponse>('GET', `/objects${suffix}`);
    return response.items;
  }

  getObject(id: ObjectId): Promise<GitOpsObject> {
    return this.request('GET', objectPath(id));
  }

  getHistory(id: ObjectId, limit = 20): Promise<Page<HistoryEntry>> {
    return this.request('GET', `${objectPath(id)}/history?limit=${limit}`);
  }

  getEvents(id: ObjectId, limit = 20): Promise<Page<ObjectEvent>> {
    return this.request('GET', `${objectPath(id)}/events?limit=${limit}`);
  }

  act(id: ObjectId, action: 'reconcile' | 'suspend' | 'resume'): Promise<ActionResponse> {
    return this.request('POST', `${objectPath(id)}/${action}`);
  }

  private async request<T>(method: string, path: string): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl.replace(/\/+$/, '')}${path}`, { method, headers });
    } catch (error) {
      throw new Error(`cannot reach ${this.baseUrl} (${networkCause(error)})`);
    }
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} failed: ${response.status} ${errorMessage(text)}`);
    return JSON.parse(text) as T;
  }
}

function objectPath(id: ObjectId): string {
  return `/objects/${[id.cluster, id.kind, id.namespace, id.name].map(encodeURIComponent).join('/')}`;
}

/** Backstage's error responses carry `{ error: { name, message } }`; show the message, never a raw body dump. */
function errorMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { name?: string; message?: string } };
    if (parsed.error?.message) return `${parsed.error.name ?? 'Error'}: ${parsed.error.message}`;
  } catch {
    // not JSON: fall through
  }
  return body.slice(0, 300);
}

/** Node's fetch hides the socket error (ECONNREFUSED, ENOTFOUND) a level or two down. */
function networkCause(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string; errors?: Array<{ code?: string }> } }).cause;
  return cause?.code ?? cause?.errors?.[0]?.code ?? cause?.message ?? (error as Error).message;
}
