import fs from 'node:fs/promises';
import path from 'node:path';
import { checkRemoteUrl } from '../remoteUrl';
import { trustedCertificates } from '../tlsTrust';
import { GitRemote } from '../types';

/** Everything a git call against one remote needs: URL, `-c` settings (auth, CA), secrets to redact. */
export interface RemoteSession {
  url: string;
  config: Array<[string, string]>;
  secrets: Array<string | undefined>;
  dispose(): Promise<void>;
}

/**
 * Prepares git's settings for one remote: credentials as an `http.extraHeader` passed through the environment
 * (never argv, never the URL), no credential helpers, and a CA bundle file that lives only as long as the work.
 */
export async function withRemoteSession<T>(
  remote: GitRemote,
  cacheDir: string,
  work: (session: RemoteSession) => Promise<T>,
): Promise<T> {
  const url = checkRemoteUrl(remote.url);
  const config: Array<[string, string]> = [['credential.helper', '']];
  const { auth } = remote;
  if (auth?.bearerToken) {
    config.push([
      'http.extraHeader',
      `Authorization: Bearer ${auth.bearerToken}`,
    ]);
  } else if (auth?.username || auth?.password) {
    const basic = Buffer.from(
      `${auth.username ?? ''}:${auth.password ?? ''}`,
    ).toString('base64');
    config.push(['http.extraHeader', `Authorization: Basic ${basic}`]);
  }
  let caDir: string | undefined;
  if (remote.caCertificate) {
    await fs.mkdir(cacheDir, { recursive: true });
    caDir = await fs.mkdtemp(path.join(cacheDir, '.ca-'));
    const caFile = path.join(caDir, 'ca.pem');
    await fs.writeFile(
      caFile,
      trustedCertificates(remote.caCertificate).join('\n'),
      { mode: 0o600 },
    );
    config.push(['http.sslCAInfo', caFile]);
  }
  const session: RemoteSession = {
    url,
    config,
    secrets: [auth?.password, auth?.bearerToken],
    dispose: async () => {
      if (caDir) await fs.rm(caDir, { recursive: true, force: true });
    },
  };
  try {
    return await work(session);
  } finally {
    await session.dispose();
  }
}
