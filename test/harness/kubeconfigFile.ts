import { readFile, writeFile } from 'node:fs/promises';
import { stringify } from 'yaml';
import type { AdminCredentials } from './certificates';

/** Writes a self-contained admin kubeconfig (all certificates inlined) for the given server. */
export async function writeAdminKubeconfig(
  path: string,
  server: string,
  serverCaPath: string,
  credentials: AdminCredentials,
): Promise<void> {
  const base64 = async (file: string) =>
    (await readFile(file)).toString('base64');
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: 'gitops-test',
        cluster: {
          server,
          'certificate-authority-data': await base64(serverCaPath),
        },
      },
    ],
    users: [
      {
        name: 'gitops-test-admin',
        user: {
          'client-certificate-data': await base64(credentials.clientCertPath),
          'client-key-data': await base64(credentials.clientKeyPath),
        },
      },
    ],
    contexts: [
      {
        name: 'gitops-test',
        context: { cluster: 'gitops-test', user: 'gitops-test-admin' },
      },
    ],
    'current-context': 'gitops-test',
  };
  await writeFile(path, stringify(config), { mode: 0o600 });
}
