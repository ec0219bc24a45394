import {
  Condition,
  ConditionTypes,
  ObjectStatus,
  removeCondition,
  setCondition,
} from '@internal/plugin-gitops-common';

/** Marks the object Ready (or not) with one reason, clearing Reconciling and Stalled as Flux does when it finishes. */
export function withReady(
  status: ObjectStatus,
  ready: boolean,
  reason: string,
  message: string,
  generation: number,
): ObjectStatus {
  let conditions: Condition[] = removeCondition(status.conditions, ConditionTypes.Reconciling);
  conditions = removeCondition(conditions, ConditionTypes.Stalled);
  conditions = setCondition(conditions, {
    type: ConditionTypes.Ready,
    status: ready ? 'True' : 'False',
    reason,
    message,
    observedGeneration: generation,
  });
  return { ...status, conditions, observedGeneration: generation };
}

/** Sets a secondary condition (Healthy, ArtifactInStorage, FetchFailed). */
export function withCondition(
  status: ObjectStatus,
  type: string,
  value: boolean,
  reason: string,
  message: string,
  generation: number,
): ObjectStatus {
  return {
    ...status,
    conditions: setCondition(status.conditions, {
      type,
      status: value ? 'True' : 'False',
      reason,
      message,
      observedGeneration: generation,
    }),
  };
}

export function withoutCondition(status: ObjectStatus, type: string): ObjectStatus {
  return { ...status, conditions: removeCondition(status.conditions, type) };
}
