import type { KubeObject } from '../kube/types';

/** Objects the apply tests build: small, valid, and distinct per namespace. */
export function configMap(namespace: string, name: string, data: Record<string, string>, metadata: Partial<KubeObject['metadata']> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace, ...metadata }, data };
}

export function namespaceObject(name: string): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
}

export function deployment(namespace: string, name: string, options: { app?: string; image?: string; replicas?: number } = {}): KubeObject {
  const app = options.app ?? name;
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: {
      replicas: options.replicas ?? 1,
      selector: { matchLabels: { app } },
      template: {
        metadata: { labels: { app } },
        spec: { containers: [{ name: 'app', image: options.image ?? 'registry.example/app:1.0.0' }] },
      },
    },
  };
}

export function service(namespace: string, name: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace },
    spec: { selector: { app: name }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] },
  };
}

export function job(namespace: string, name: string, image: string, annotations: Record<string, string> = {}): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace, annotations },
    spec: {
      template: { spec: { restartPolicy: 'Never', containers: [{ name: 'job', image }] } },
    },
  };
}

export function widgetDefinition(group: string): KubeObject {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `widgets.${group}` },
    spec: {
      group,
      scope: 'Namespaced',
      names: { kind: 'Widget', plural: 'widgets', singular: 'widget', listKind: 'WidgetList' },
      versions: [
        {
          name: 'v1',
          served: true,
          storage: true,
          schema: {
            openAPIV3Schema: {
              type: 'object',
              properties: { spec: { type: 'object', properties: { size: { type: 'integer' } } } },
            },
          },
        },
      ],
    },
  };
}

export function widget(group: string, namespace: string, name: string, size: number): KubeObject {
  return { apiVersion: `${group}/v1`, kind: 'Widget', metadata: { name, namespace }, spec: { size } };
}
