import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ControlPlane, GitServer, startControlPlane, startGitServer } from '../../harness';

export interface PortalFleet {
  /** The `gitops:` section pointing the backend at the git server and the cluster. */
  config: Record<string, unknown>;
  /** How long the first reconcile may take before the test gives up. */
  readyTimeoutMs: number;
  stop(): Promise<void>;
}

/** What `flux bootstrap` leaves in a fleet repository, plus the `apps` Kustomization podinfo's annotation names. */
const FLEET_FILES: Record<string, string> = {
  'clusters/staging/apps.yaml': `apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: apps
  namespace: flux-system
spec:
  interval: 10m
  path: ./apps/podinfo
  prune: true
  sourceRef:
    kind: GitRepository
    name: flux-system
`,
  'apps/podinfo/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: podinfo
resources:
  - namespace.yaml
  - config.yaml
  - service.yaml
`,
  'apps/podinfo/namespace.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: podinfo\n',
  'apps/podinfo/config.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: podinfo-ui
data:
  PODINFO_UI_COLOR: "#34577c"
  PODINFO_UI_MESSAGE: "delivered by the GitOps portal"
`,
  'apps/podinfo/service.yaml': `apiVersion: v1
kind: Service
metadata:
  name: podinfo
spec:
  ports:
    - name: http
      port: 9898
      targetPort: 9898
  selector:
    app.kubernetes.io/name: podinfo
`,
};

/**
 * A real fleet for the portal: a git server holding a fleet repository and a kube-apiserver named `staging`
 * to apply it to, so podinfo's GitOps tab shows objects that actually reconciled.
 */
export async function startPortalFleet(): Promise<PortalFleet> {
  const workDir = await mkdtemp(join(tmpdir(), 'gitops-portal-fleet-'));
  let git: GitServer | undefined;
  let cluster: ControlPlane | undefined;
  const stop = async () => {
    await Promise.all([git?.stop(), cluster?.stop()]);
    await rm(workDir, { recursive: true, force: true });
  };
  try {
    [git, cluster] = await Promise.all([startGitServer(), startControlPlane()]);
    const { url } = await git.createRepository('fleet-infra', FLEET_FILES);
    return {
      config: {
        gitops: {
          clusters: [{ name: 'staging', kubeconfig: { path: cluster.kubeconfigPath } }],
          fleets: [
            { name: 'flux-system', url, ref: { branch: 'main' }, path: './clusters/staging', cluster: 'staging', interval: '10m' },
          ],
          scheduler: { pollSeconds: 1 },
          workingDirectory: workDir,
        },
      },
      readyTimeoutMs: 120_000,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
