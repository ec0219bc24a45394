import { ConditionTypes, GitOpsObject, GitRepositoryRef, ObjectStatus, Reasons } from '@internal/plugin-gitops-common';
import { GitError, GitMirror } from '@internal/plugin-gitops-node';
import { ArtifactStore } from '../../artifacts/ArtifactStore';
import { SecretReader } from '../../clusters/SecretReader';
import { withCondition, withReady, withoutCondition } from '../conditions';
import { requeueAfter, timeoutOf } from '../intervals';
import { Reconciler, ReconcileOutcome } from '../types';
import { gitCredentialsFor } from './credentials';

export interface GitRepositoryDependencies {
  mirror: GitMirror;
  artifacts: ArtifactStore;
  secrets: SecretReader;
  /** Largest artifact accepted, in bytes. */
  maxArtifactBytes: number;
}

/**
 * Flux's GitRepository reconcile: resolve the ref, fetch what is new, store a deterministic tarball of the tree.
 * A failure keeps the last good artifact and says why in Ready and FetchFailed.
 */
export class GitRepositoryReconciler implements Reconciler {
  readonly kind = 'GitRepository';

  constructor(private readonly deps: GitRepositoryDependencies) {}

  async reconcile(object: GitOpsObject, signal: AbortSignal): Promise<ReconcileOutcome> {
    const spec = object.spec as { url?: string; ref?: GitRepositoryRef; ignore?: string };
    let status: ObjectStatus = object.status;
    try {
      if (!spec.url) throw new InvalidSpec('spec.url is required');
      const credentials = await gitCredentialsFor(object, this.deps.secrets).catch(error => {
        throw new GitError('auth', (error as Error).message);
      });
      const remote = {
        url: spec.url,
        auth:
          credentials.username || credentials.bearerToken
            ? { username: credentials.username, password: credentials.password, bearerToken: credentials.bearerToken }
            : undefined,
        caCertificate: credentials.caCertificate,
      };
      const timeoutMs = timeoutOf({ timeout: object.spec.timeout ?? '60s' });
      const resolved = await this.deps.mirror.resolve(remote, spec.ref ?? {}, { timeoutMs, signal });
      const current = status.artifact;
      if (current && current.revision === resolved.revision && (await this.deps.artifacts.has(current.digest))) {
        return this.ready(object, status, resolved.revision, []);
      }
      await this.deps.mirror.fetch(remote, resolved, { timeoutMs, signal });
      const archive = await this.deps.mirror.archive(remote, resolved, {
        ignore: spec.ignore,
        maxBytes: this.deps.maxArtifactBytes,
      });
      await this.deps.artifacts.put({
        digest: archive.digest,
        revision: resolved.revision,
        size: archive.content.length,
        content: archive.content,
      });
      status = {
        ...status,
        artifact: {
          revision: resolved.revision,
          digest: archive.digest,
          size: archive.content.length,
          lastUpdateTime: new Date().toISOString(),
        },
      };
      const events = [
        {
          severity: 'info' as const,
          reason: 'NewArtifact',
          message: `stored artifact for commit '${resolved.message ?? resolved.revision}'`,
        },
      ];
      return this.ready(object, status, resolved.revision, events);
    } catch (error) {
      return this.failed(object, status, error);
    }
  }

  private ready(object: GitOpsObject, status: ObjectStatus, revision: string, events: ReconcileOutcome['events']): ReconcileOutcome {
    const message = `stored artifact for revision '${revision}'`;
    let next = withoutCondition(status, ConditionTypes.FetchFailed);
    next = withCondition(next, ConditionTypes.ArtifactInStorage, true, Reasons.Succeeded, message, object.generation);
    next = withReady(next, true, Reasons.Succeeded, message, object.generation);
    return {
      status: next,
      result: 'success',
      reason: Reasons.Succeeded,
      message,
      revision,
      requeueAfterMs: requeueAfter(object.spec, false),
      events,
    };
  }

  private failed(object: GitOpsObject, status: ObjectStatus, error: unknown): ReconcileOutcome {
    const reason = reasonFor(error);
    const message = (error as Error)?.message ?? String(error);
    let next = withCondition(status, ConditionTypes.FetchFailed, true, reason, message, object.generation);
    next = withReady(next, false, reason, message, object.generation);
    return {
      status: next,
      result: 'failure',
      reason,
      message,
      revision: status.artifact?.revision,
      requeueAfterMs: requeueAfter(object.spec, true),
    };
  }
}

class InvalidSpec extends Error {}

function reasonFor(error: unknown): string {
  // GitError carries the kind of failure the mirror saw
  if (error instanceof InvalidSpec) return Reasons.InvalidURL;
  if (error instanceof GitError) {
    return error.kind === 'auth' ? Reasons.AuthenticationFailed : Reasons.GitOperationFailed;
  }
  return Reasons.StorageOperationFailed;
}
