import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildKustomization } from './build';

async function tree(files: Record<string, string>): Promise<string> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'gitops-build-'));
  for (const [file, content] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await fs.writeFile(path.join(root, file), content);
  }
  return root;
}

const configMap = (name: string, namespace?: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${namespace ? `  namespace: ${namespace}\n` : ''}data:\n  key: value\n`;

describe('buildKustomization', () => {
  it('follows resources of a kustomization.yaml, nested kustomizations included, and its namespace', async () => {
    const root = await tree({
      'apps/kustomization.yaml': 'resources:\n  - a.yaml\n  - base\nnamespace: apps\n',
      'apps/a.yaml': configMap('a'),
      'apps/base/kustomization.yaml': 'resources: [b.yaml]\n',
      'apps/base/b.yaml': `${configMap('b')}---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: apps\n`,
      'apps/ignored.yaml': configMap('not-listed'),
    });
    const objects = await buildKustomization(root, './apps');
    expect(objects.map(o => `${o.kind}/${o.metadata.namespace ?? '-'}/${o.metadata.name}`)).toEqual([
      'ConfigMap/apps/a',
      'ConfigMap/apps/b',
      'Namespace/-/apps',
    ]);
  });

  it('generates a kustomization for a plain directory, walking it recursively and skipping non-manifests', async () => {
    const root = await tree({
      'cluster/one.yaml': configMap('one', 'x'),
      'cluster/sub/two.yml': configMap('two', 'y'),
      'cluster/values.yaml': 'replicas: 3\n',
      'cluster/README.md': '# not yaml',
      'cluster/.hidden/three.yaml': configMap('three'),
    });
    const objects = await buildKustomization(root, 'cluster');
    expect(objects.map(o => o.metadata.name)).toEqual(['one', 'two']);
  });

  it('applies the spec overrides: targetNamespace (not on cluster-scoped kinds), prefix, suffix, commonMetadata', async () => {
    const root = await tree({
      'm.yaml': `${configMap('cm', 'old')}---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: reader\n`,
    });
    const objects = await buildKustomization(root, '.', {
      targetNamespace: 'target',
      namePrefix: 'p-',
      nameSuffix: '-s',
      commonMetadata: { labels: { team: 'a' }, annotations: { note: 'x' } },
    });
    expect(objects[0].metadata).toMatchObject({ name: 'p-cm-s', namespace: 'target', labels: { team: 'a' } });
    expect(objects[1].metadata.namespace).toBeUndefined();
    expect(objects[1].metadata.annotations).toEqual({ note: 'x' });
  });

  it.each([
    [{ 'kustomization.yaml': 'resources: [../outside.yaml]\n' }, /escapes the artifact root/],
    [{ 'kustomization.yaml': 'resources: [missing.yaml]\n' }, /missing.yaml.*does not exist/],
    [{ 'kustomization.yaml': 'resources: [https://example.com/x.yaml]\n' }, /remote resource/],
    [{ 'kustomization.yaml': 'resources: [a.yaml, b.yaml]\n', 'a.yaml': configMap('same'), 'b.yaml': configMap('same') }, /duplicate object \/ConfigMap\/\/same in a.yaml and b.yaml/],
    [{ 'kustomization.yaml': 'resources: [a.yaml]\n', 'a.yaml': 'kind: ConfigMap\nmetadata:\n  name: x\n' }, /a.yaml: document 1 has no apiVersion/],
    [{ 'kustomization.yaml': 'resources: [a.yaml]\n', 'a.yaml': 'a: [unclosed\n' }, /a.yaml: invalid YAML/],
    [{ 'kustomization.yaml': 'resources: [sub]\n', 'sub/kustomization.yaml': 'resources: [..]\n' }, /cycle/],
  ])('refuses bad input with an error naming the file (%#)', async (files, message) => {
    const root = await tree(files);
    await expect(buildKustomization(root, '.')).rejects.toThrow(message);
  });

  it('refuses a symlink that leaves the root, and a path argument outside it', async () => {
    const outside = await tree({ 'secret.yaml': configMap('secret') });
    const root = await tree({ 'kustomization.yaml': 'resources: [link.yaml]\n' });
    await fs.symlink(path.join(outside, 'secret.yaml'), path.join(root, 'link.yaml'));
    await expect(buildKustomization(root, '.')).rejects.toThrow(/escapes the artifact root/);
    await expect(buildKustomization(root, '../')).rejects.toThrow(/escapes the artifact root/);
  });

  it('refuses files over the size limit', async () => {
    const root = await tree({ 'big.yaml': configMap('big') });
    await expect(buildKustomization(root, '.', { maxFileBytes: 10 })).rejects.toThrow(/over the 10-byte limit/);
  });
});
