/** Conditions and reasons, as Flux's controllers write them (fluxcd/pkg/apis/meta and each toolkit's API). */

export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
  lastTransitionTime: string;
  observedGeneration?: number;
}

export const ConditionTypes = {
  Ready: 'Ready',
  Reconciling: 'Reconciling',
  Stalled: 'Stalled',
  Healthy: 'Healthy',
  ArtifactInStorage: 'ArtifactInStorage',
  FetchFailed: 'FetchFailed',
  SourceVerified: 'SourceVerified',
  Released: 'Released',
  TestSuccess: 'TestSuccess',
  Remediated: 'Remediated',
} as const;

export const Reasons = {
  Succeeded: 'Succeeded',
  Failed: 'Failed',
  Progressing: 'Progressing',
  ProgressingWithRetry: 'ProgressingWithRetry',
  Suspended: 'Suspended',
  DependencyNotReady: 'DependencyNotReady',
  ReconciliationSucceeded: 'ReconciliationSucceeded',
  ReconciliationFailed: 'ReconciliationFailed',
  ArtifactFailed: 'ArtifactFailed',
  BuildFailed: 'BuildFailed',
  PruneFailed: 'PruneFailed',
  HealthCheckFailed: 'HealthCheckFailed',
  GitOperationFailed: 'GitOperationFailed',
  GitOperationSucceeded: 'GitOperationSucceeded',
  AuthenticationFailed: 'AuthenticationFailed',
  StorageOperationFailed: 'StorageOperationFailed',
  InvalidURL: 'URLInvalid',
  InstallSucceeded: 'InstallSucceeded',
  InstallFailed: 'InstallFailed',
  UpgradeSucceeded: 'UpgradeSucceeded',
  UpgradeFailed: 'UpgradeFailed',
  RollbackSucceeded: 'RollbackSucceeded',
  RollbackFailed: 'RollbackFailed',
  UninstallSucceeded: 'UninstallSucceeded',
  Drifted: 'Drifted',
} as const;

export function findCondition(conditions: Condition[] | undefined, type: string): Condition | undefined {
  return conditions?.find(condition => condition.type === type);
}

/**
 * Returns the conditions with `next` set, replacing any condition of the same type. The transition time is
 * kept when the status did not change, as Kubernetes' meta.SetStatusCondition does.
 */
export function setCondition(
  conditions: Condition[] | undefined,
  next: Omit<Condition, 'lastTransitionTime'> & { lastTransitionTime?: string },
  now: Date = new Date(),
): Condition[] {
  const list = conditions ?? [];
  const previous = findCondition(list, next.type);
  const lastTransitionTime =
    previous && previous.status === next.status
      ? previous.lastTransitionTime
      : next.lastTransitionTime ?? now.toISOString();
  const updated: Condition = { ...next, lastTransitionTime };
  return previous ? list.map(c => (c.type === next.type ? updated : c)) : [...list, updated];
}

export function removeCondition(conditions: Condition[] | undefined, type: string): Condition[] {
  return (conditions ?? []).filter(condition => condition.type !== type);
}

/** What a person wants to know first about an object. */
export type ObjectHealth = 'Ready' | 'Failed' | 'Reconciling' | 'Suspended' | 'Stalled' | 'Unknown';

export function summarizeHealth(conditions: Condition[] | undefined, suspended: boolean): ObjectHealth {
  if (suspended) return 'Suspended';
  if (findCondition(conditions, ConditionTypes.Stalled)?.status === 'True') return 'Stalled';
  if (findCondition(conditions, ConditionTypes.Reconciling)?.status === 'True') return 'Reconciling';
  const ready = findCondition(conditions, ConditionTypes.Ready);
  if (!ready || ready.status === 'Unknown') return ready?.reason === Reasons.Progressing ? 'Reconciling' : 'Unknown';
  return ready.status === 'True' ? 'Ready' : 'Failed';
}
