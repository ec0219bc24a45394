import { KubeApiError, UnknownKindError } from './errors';
import { RestMapper, parseApiVersion } from './restMapper';
import type { KubeRequest, KubeTransport } from './transport';

/** A discovery endpoint whose answers the test changes, as applying a CRD changes the apiserver's. */
function fakeDiscovery(lists: Record<string, Array<{ name: string; kind: string; namespaced: boolean }>>) {
  const requests: string[] = [];
  const transport: KubeTransport = {
    async request(request: KubeRequest) {
      requests.push(request.path);
      const resources = lists[request.path];
      if (!resources) throw new KubeApiError({ status: 404, message: 'the server could not find the requested resource' });
      return { kind: 'APIResourceList', resources };
    },
  };
  return { transport, requests };
}

describe('RestMapper', () => {
  it('maps core and grouped kinds, ignoring subresources, with one discovery call per group-version', async () => {
    const { transport, requests } = fakeDiscovery({
      '/api/v1': [
        { name: 'pods', kind: 'Pod', namespaced: true },
        { name: 'pods/status', kind: 'Pod', namespaced: true },
        { name: 'namespaces', kind: 'Namespace', namespaced: false },
      ],
      '/apis/apps/v1': [{ name: 'deployments', kind: 'Deployment', namespaced: true }],
    });
    const mapper = new RestMapper(transport);
    expect(await mapper.resolve('v1', 'Pod')).toEqual({ group: '', version: 'v1', kind: 'Pod', resource: 'pods', namespaced: true });
    expect((await mapper.resolve('v1', 'Namespace')).namespaced).toBe(false);
    expect((await mapper.resolve('apps/v1', 'Deployment')).resource).toBe('deployments');
    await Promise.all([mapper.resolve('apps/v1', 'Deployment'), mapper.resolve('v1', 'Pod')]);
    expect(requests).toEqual(['/api/v1', '/apis/apps/v1']);
  });

  it('refreshes discovery once when a kind is unknown, so new CRDs become usable', async () => {
    const lists: Record<string, Array<{ name: string; kind: string; namespaced: boolean }>> = {};
    const { transport, requests } = fakeDiscovery(lists);
    const mapper = new RestMapper(transport);
    await expect(mapper.resolve('example.com/v1', 'Widget')).rejects.toThrow(UnknownKindError);
    lists['/apis/example.com/v1'] = [{ name: 'widgets', kind: 'Widget', namespaced: true }];
    expect((await mapper.resolve('example.com/v1', 'Widget')).resource).toBe('widgets');
    await expect(mapper.resolve('example.com/v1', 'Gadget')).rejects.toThrow(
      'no matches for kind "Gadget" in version "example.com/v1"',
    );
    expect(requests).toEqual(['/apis/example.com/v1', '/apis/example.com/v1', '/apis/example.com/v1']);
  });

  it('shares one refresh between concurrent lookups of a missing kind', async () => {
    const lists = { '/apis/example.com/v1': [{ name: 'widgets', kind: 'Widget', namespaced: true }] };
    const { transport, requests } = fakeDiscovery(lists);
    const mapper = new RestMapper(transport);
    await mapper.resolve('example.com/v1', 'Widget');
    lists['/apis/example.com/v1'].push({ name: 'gadgets', kind: 'Gadget', namespaced: false });
    const results = await Promise.all([1, 2, 3].map(() => mapper.resolve('example.com/v1', 'Gadget')));
    expect(results.every(result => result.resource === 'gadgets')).toBe(true);
    expect(requests.length).toBeLessThanOrEqual(3);
  });

  it('does not cache a failed discovery call', async () => {
    let fail = true;
    const transport: KubeTransport = {
      async request() {
        if (fail) throw new KubeApiError({ status: 503, message: 'unavailable' });
        return { resources: [{ name: 'configmaps', kind: 'ConfigMap', namespaced: true }] };
      },
    };
    const mapper = new RestMapper(transport);
    await expect(mapper.resolve('v1', 'ConfigMap')).rejects.toThrow('unavailable');
    fail = false;
    expect((await mapper.resolve('v1', 'ConfigMap')).resource).toBe('configmaps');
  });

  it('rejects malformed apiVersions', () => {
    expect(parseApiVersion('apps/v1')).toEqual({ group: 'apps', version: 'v1' });
    expect(() => parseApiVersion('')).toThrow('invalid apiVersion ""');
    expect(() => parseApiVersion('a/b/c')).toThrow('invalid apiVersion');
    expect(() => parseApiVersion('/v1')).toThrow('invalid apiVersion');
  });
});
