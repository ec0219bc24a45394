import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { assessHealth } from './assessHealth';
import type { HealthStatus } from './types';

const FIXTURES = join(__dirname, '__fixtures__');
/** The Pod fixtures were created at 2025-03-01T10:00:00Z. */
const LONG_AFTER_CREATION = new Date('2025-03-01T10:05:00Z');

function fixture(name: string): unknown {
  return parse(readFileSync(join(FIXTURES, `${name}.yaml`), 'utf8'));
}

const table: Array<[fixture: string, status: HealthStatus, message: RegExp]> = [
  ['deployment-available', 'Current', /Deployment is available. Replicas: 3/],
  ['deployment-no-status', 'InProgress', /Replicas: 0\/1/],
  ['deployment-rolling-update', 'InProgress', /Updated: 1\/3/],
  ['deployment-paused-mid-rollout', 'InProgress', /paused.*Updated: 1\/3/],
  ['deployment-paused-complete', 'Current', /paused with all replicas available/],
  ['deployment-progress-deadline-exceeded', 'Failed', /Progress deadline exceeded: ReplicaSet "web-8f1" has timed out/],
  ['deployment-observed-generation-lag', 'InProgress', /Deployment generation is 3, but latest observed generation is 2/],
  ['deployment-not-available', 'InProgress', /Deployment not Available/],
  ['deployment-terminating', 'Terminating', /scheduled for deletion/],
  ['deployment-malformed-replicas', 'Unknown', /spec.replicas is not a number/],
  ['statefulset-ready', 'Current', /All replicas scheduled as expected. Replicas: 3/],
  ['statefulset-revision-mismatch', 'InProgress', /updated revision/],
  ['statefulset-partition-rollout', 'InProgress', /Partitioned rollout: updated 1\/2/],
  ['statefulset-too-few-ready', 'InProgress', /Ready: 1\/3/],
  ['statefulset-on-delete', 'Current', /OnDelete/],
  ['daemonset-ready', 'Current', /Replicas: 5/],
  ['daemonset-updating', 'InProgress', /Updated: 2\/5/],
  ['daemonset-not-observed', 'InProgress', /observedGeneration not found/],
  ['replicaset-ready', 'Current', /ReplicaSet is available/],
  ['replicaset-replica-failure', 'InProgress', /FailedCreate.*exceeded quota/],
  ['pod-ready', 'Current', /Pod is Ready/],
  ['pod-crash-loop', 'Failed', /CrashLoop state: app$/],
  ['pod-running-not-ready', 'InProgress', /running but is not Ready/],
  ['pod-unschedulable', 'Failed', /could not be scheduled: 0\/3 nodes/],
  ['pod-pending', 'InProgress', /Pending phase/],
  ['pod-succeeded', 'Current', /completed successfully/],
  ['pod-failed', 'Failed', /not successfully: Evicted/],
  ['pod-unknown-phase', 'Unknown', /unknown phase "Sideways"/],
  ['job-complete', 'Current', /Job completed. Succeeded: 1\/1/],
  ['job-failed-backoff-limit', 'Failed', /Job failed \(BackoffLimitExceeded: .*backoff limit\). Failed pods: 5/],
  ['job-retrying-with-backoff', 'InProgress', /retrying failed pods with back-off \(limit 4\).*failed: 2/],
  ['job-running', 'InProgress', /Job in progress. succeeded: 0\/1, active: 1, failed: 0/],
  ['job-not-started', 'InProgress', /Job not started/],
  ['job-suspended', 'Current', /suspended/],
  ['pvc-bound', 'Current', /PVC is Bound/],
  ['pvc-pending', 'InProgress', /Phase: Pending/],
  ['service-cluster-ip', 'Current', /Service is ready/],
  ['service-load-balancer-pending', 'InProgress', /load balancer/],
  ['service-load-balancer-ready', 'Current', /203.0.113.7/],
  ['crd-established', 'Current', /established/],
  ['crd-installing', 'InProgress', /install in progress/],
  ['crd-names-rejected', 'Failed', /ListKindConflict/],
  ['namespace-active', 'Current', /active/],
  ['namespace-terminating', 'Terminating', /deletion/],
  ['custom-ready', 'Current', /Widget is serving/],
  ['custom-not-ready', 'InProgress', /DependencyNotReady: waiting for the database/],
  ['custom-generation-lag', 'InProgress', /Widget generation is 3, but latest observed generation is 2/],
  ['custom-stalled', 'Failed', /InvalidSpec: size must be positive/],
  ['custom-reconciling', 'InProgress', /scaling up/],
  ['custom-no-status', 'Current', /Resource is current/],
  ['custom-malformed-conditions', 'Unknown', /status.conditions is not a list/],
  ['configmap', 'Current', /always ready/],
];

describe('assessHealth', () => {
  it.each(table)('%s is %s', (name, status, message) => {
    const result = assessHealth(fixture(name), { now: LONG_AFTER_CREATION });
    expect(result.status).toBe(status);
    expect(result.message).toMatch(message);
  });

  it('covers every fixture in the table', () => {
    const files = readdirSync(FIXTURES).map(file => file.replace(/\.yaml$/, ''));
    expect(files.sort()).toEqual(table.map(([name]) => name).sort());
  });

  it('gives an unschedulable Pod its scheduling window', () => {
    const result = assessHealth(fixture('pod-unschedulable'), { now: new Date('2025-03-01T10:00:05Z') });
    expect(result).toEqual({ status: 'InProgress', message: 'Pod has not been scheduled' });
  });

  it('reports input that is not an object as Unknown instead of throwing', () => {
    expect(assessHealth(null).status).toBe('Unknown');
    expect(assessHealth('Deployment').status).toBe('Unknown');
    expect(assessHealth([]).status).toBe('Unknown');
    expect(assessHealth({ kind: 'Deployment' })).toEqual({
      status: 'Unknown',
      message: 'object has no apiVersion or kind',
    });
    expect(assessHealth({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: 'x', status: 3 }).status).toBe('Unknown');
  });
});
