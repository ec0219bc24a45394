import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export interface AdminCredentials {
  caCertPath: string;
  clientCertPath: string;
  clientKeyPath: string;
}

async function openssl(args: string[], cwd: string): Promise<void> {
  try {
    await execFileAsync('openssl', args, { cwd });
  } catch (error) {
    const err = error as { stderr?: string; message: string };
    throw new Error(
      `openssl ${args[0]} failed (is the openssl CLI installed?): ${
        err.stderr || err.message
      }`,
    );
  }
}

/**
 * A throwaway client CA plus an admin client certificate in the system:masters group. node:crypto cannot sign
 * X.509 certificates, so the openssl CLI does the signing.
 */
export async function createAdminCredentials(
  dir: string,
): Promise<AdminCredentials> {
  const ec = [
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
  ];
  await openssl(
    [
      'req',
      '-x509',
      ...ec,
      '-keyout',
      'client-ca.key',
      '-out',
      'client-ca.crt',
      '-days',
      '7',
      '-subj',
      '/CN=gitops-test-client-ca',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ],
    dir,
  );
  await openssl(
    [
      'req',
      '-new',
      ...ec,
      '-keyout',
      'admin.key',
      '-out',
      'admin.csr',
      '-subj',
      '/O=system:masters/CN=gitops-test-admin',
    ],
    dir,
  );
  await writeFile(
    join(dir, 'admin.ext'),
    'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n',
  );
  await openssl(
    [
      'x509',
      '-req',
      '-in',
      'admin.csr',
      '-CA',
      'client-ca.crt',
      '-CAkey',
      'client-ca.key',
      '-CAcreateserial',
      '-out',
      'admin.crt',
      '-days',
      '7',
      '-extfile',
      'admin.ext',
    ],
    dir,
  );
  return {
    caCertPath: join(dir, 'client-ca.crt'),
    clientCertPath: join(dir, 'admin.crt'),
    clientKeyPath: join(dir, 'admin.key'),
  };
}

/** RSA key pair the apiserver signs and verifies service-account tokens with. */
export async function createServiceAccountKeys(
  dir: string,
): Promise<{ publicKeyPath: string; privateKeyPath: string }> {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const publicKeyPath = join(dir, 'sa.pub');
  const privateKeyPath = join(dir, 'sa.key');
  await writeFile(publicKeyPath, publicKey, { mode: 0o600 });
  await writeFile(privateKeyPath, privateKey, { mode: 0o600 });
  return { publicKeyPath, privateKeyPath };
}
