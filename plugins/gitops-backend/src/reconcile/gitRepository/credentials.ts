import { GitOpsObject } from '@internal/plugin-gitops-common';
import { SecretReader } from '../../clusters/SecretReader';

/** Git credentials in Flux's Secret format: `username`/`password`, `bearerToken`, and `ca.crt` (or `caFile`). */
export interface GitCredentials {
  username?: string;
  password?: string;
  bearerToken?: string;
  caCertificate?: string;
}

/** Reads the GitRepository's `secretRef` from its target cluster; no secretRef means anonymous access. */
export async function gitCredentialsFor(object: GitOpsObject, secrets: SecretReader): Promise<GitCredentials> {
  const secretRef = object.spec.secretRef as { name?: string } | undefined;
  if (!secretRef?.name) return {};
  const data = await secrets.secretData(object.cluster, object.namespace, secretRef.name);
  const credentials: GitCredentials = {
    username: data.username,
    password: data.password,
    bearerToken: data.bearerToken,
    caCertificate: data['ca.crt'] ?? data.caFile,
  };
  if (!credentials.username && !credentials.bearerToken && !credentials.caCertificate) {
    throw new Error(
      `secret '${object.namespace}/${secretRef.name}' has none of the keys username/password, bearerToken or ca.crt`,
    );
  }
  return credentials;
}
