import tls from 'node:tls';
import { GitError } from './errors';

/**
 * The certificates to trust for a remote with a custom CA: Node's bundled roots plus the given PEM, so a
 * private CA adds to the public ones instead of replacing them (as Flux's caFile does).
 */
export function trustedCertificates(pem: string): string[] {
  const certificates = pem.match(
    /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g,
  );
  if (!certificates)
    throw new GitError(
      'invalid',
      'the CA certificate is not a PEM certificate',
    );
  return [...tls.rootCertificates, ...certificates];
}
