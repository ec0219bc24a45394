import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { registerMswTestHooks } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { GitOpsObject } from '@internal/plugin-gitops-common';
import { GitOpsClient } from './GitOpsClient';

const baseUrl = 'http://backstage.test/api/gitops';
const server = setupServer();
registerMswTestHooks(server);

const id = { cluster: 'staging', kind: 'Kustomization', namespace: 'flux-system', name: 'apps' };

function object(overrides: Partial<GitOpsObject> = {}): GitOpsObject {
  return {
    ...id,
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    spec: {},
    labels: {},
    annotations: {},
    generation: 1,
    suspended: false,
    status: {},
    origin: 'config',
    health: 'Ready',
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
    ...overrides,
  };
}

describe('GitOpsClient', () => {
  const discoveryApi = { getBaseUrl: jest.fn(async (pluginId: string) => `http://backstage.test/api/${pluginId}`) };
  const fetchApi = { fetch: jest.fn((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init)) };
  const client = new GitOpsClient({ discoveryApi, fetchApi });

  it('lists the objects linked to an entity through the discovered base URL and the fetch API', async () => {
    let seenQuery: string | undefined;
    server.use(
      http.get(`${baseUrl}/objects`, ({ request }) => {
        seenQuery = new URL(request.url).search;
        return HttpResponse.json({ items: [object()] });
      }),
    );
    const items = await client.listObjects({ entityRef: 'component:default/podinfo', kind: undefined });
    expect(items).toEqual([object()]);
    expect(seenQuery).toBe('?entityRef=component%3Adefault%2Fpodinfo');
    expect(discoveryApi.getBaseUrl).toHaveBeenCalledWith('gitops');
    expect(fetchApi.fetch).toHaveBeenCalled();
  });

  it('escapes each segment of an object id', async () => {
    let seenPath: string | undefined;
    server.use(
      http.get(`${baseUrl}/objects/:cluster/:kind/:namespace/:name`, ({ request, params }) => {
        seenPath = new URL(request.url).pathname;
        return HttpResponse.json(object({ name: String(params.name) }));
      }),
    );
    const result = await client.getObject({ ...id, name: 'a b?c' });
    expect(seenPath).toBe('/api/gitops/objects/staging/Kustomization/flux-system/a%20b%3Fc');
    expect(result.name).toBe('a b?c');
  });

  it('refuses ids whose segments would change the route', async () => {
    await expect(client.getObject({ ...id, name: '..' })).rejects.toThrow(/Invalid object id/);
    await expect(client.reconcile({ ...id, namespace: '' })).rejects.toThrow(/Invalid object id/);
  });

  it('pages history and events', async () => {
    const seen: string[] = [];
    const page = (items: unknown[]) => ({ items, total: 12, offset: 5, limit: 5 });
    server.use(
      http.get(`${baseUrl}/objects/staging/Kustomization/flux-system/apps/history`, ({ request }) => {
        seen.push(new URL(request.url).search);
        return HttpResponse.json(page([{ id: 'h1' }]));
      }),
      http.get(`${baseUrl}/objects/staging/Kustomization/flux-system/apps/events`, ({ request }) => {
        seen.push(new URL(request.url).search);
        return HttpResponse.json(page([{ id: 'e1' }]));
      }),
    );
    const history = await client.getHistory(id, { offset: 5, limit: 5 });
    const events = await client.getEvents(id);
    expect(history.items).toEqual([{ id: 'h1' }]);
    expect(history.total).toBe(12);
    expect(events.items).toEqual([{ id: 'e1' }]);
    expect(seen).toEqual(['?offset=5&limit=5', '']);
  });

  it.each(['reconcile', 'suspend', 'resume'] as const)('POSTs %s to the object', async action => {
    let method: string | undefined;
    server.use(
      http.post(`${baseUrl}/objects/staging/Kustomization/flux-system/apps/${action}`, ({ request }) => {
        method = request.method;
        return HttpResponse.json({ object: object({ suspended: action === 'suspend' }), requestedAt: 'now' });
      }),
    );
    const response = await client[action](id);
    expect(method).toBe('POST');
    expect(response.object.suspended).toBe(action === 'suspend');
  });

  it('turns a Backstage error body into a ResponseError carrying the backend message', async () => {
    server.use(
      http.get(`${baseUrl}/objects/staging/Kustomization/flux-system/apps`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotFoundError', message: 'no Kustomization flux-system/apps on cluster staging' },
            request: { method: 'GET', url: '/api/gitops/objects/staging/Kustomization/flux-system/apps' },
            response: { statusCode: 404 },
          },
          { status: 404, statusText: 'Not Found' },
        ),
      ),
    );
    const failure = await client.getObject(id).catch(error => error);
    expect(ResponseError.is(failure)).toBe(true);
    expect((failure as ResponseError).statusCode).toBe(404);
    expect((failure as ResponseError).cause.name).toBe('NotFoundError');
    expect((failure as ResponseError).cause.message).toBe('no Kustomization flux-system/apps on cluster staging');
  });

  it('keeps the message of a bare { error } body', async () => {
    server.use(
      http.post(`${baseUrl}/objects/staging/Kustomization/flux-system/apps/reconcile`, () =>
        HttpResponse.json(
          { error: { name: 'NotAllowedError', message: 'user:default/guest may not reconcile this object' } },
          { status: 403, statusText: 'Forbidden' },
        ),
      ),
    );
    const failure = await client.reconcile(id).catch(error => error);
    expect(ResponseError.is(failure)).toBe(true);
    expect((failure as ResponseError).statusCode).toBe(403);
    expect((failure as ResponseError).cause.message).toBe('user:default/guest may not reconcile this object');
  });

  it('reports a non-JSON error page with its status', async () => {
    server.use(http.get(`${baseUrl}/objects`, () => new HttpResponse('<html>bad gateway</html>', { status: 502 })));
    const failure = await client.listObjects().catch(error => error);
    expect(ResponseError.is(failure)).toBe(true);
    expect((failure as ResponseError).statusCode).toBe(502);
  });
});
