import { customResourceDefinitionHealth } from './customResourceDefinition';
import { daemonSetHealth } from './daemonSet';
import { deploymentHealth } from './deployment';
import { MalformedFieldError } from './fields';
import { genericHealth, genericProperties } from './generic';
import { jobHealth } from './job';
import { namespaceHealth } from './namespace';
import { persistentVolumeClaimHealth } from './persistentVolumeClaim';
import { podHealth } from './pod';
import { replicaSetHealth } from './replicaSet';
import { serviceHealth } from './service';
import { statefulSetHealth } from './statefulSet';
import { statusOnlyKind } from './statusOnlyKinds';
import type { HealthOptions, HealthResult, HealthRule, LiveObject } from './types';

/** Rules by `group/Kind` (`Kind` for the core group). */
const RULES: Record<string, HealthRule> = {
  'apps/Deployment': deploymentHealth,
  'apps/StatefulSet': statefulSetHealth,
  'apps/DaemonSet': daemonSetHealth,
  'apps/ReplicaSet': replicaSetHealth,
  'batch/Job': jobHealth,
  Pod: podHealth,
  PersistentVolumeClaim: persistentVolumeClaimHealth,
  Service: serviceHealth,
  Namespace: namespaceHealth,
  'apiextensions.k8s.io/CustomResourceDefinition': customResourceDefinitionHealth,
};

/**
 * kstatus' verdict on a live object: generic checks first (deletion, generation lag, Reconciling/Stalled),
 * then the rule of its kind, then the Ready condition. Never throws: an object that cannot be read is
 * Unknown, with the reason.
 */
export function assessHealth(object: unknown, options: HealthOptions = {}): HealthResult {
  if (!object || typeof object !== 'object' || Array.isArray(object)) {
    return { status: 'Unknown', message: 'not a Kubernetes object' };
  }
  const live = object as LiveObject;
  if (typeof live.kind !== 'string' || typeof live.apiVersion !== 'string') {
    return { status: 'Unknown', message: 'object has no apiVersion or kind' };
  }
  try {
    const generic = genericProperties(live);
    if (generic) return generic;
    const rule = RULES[ruleKey(live.apiVersion, live.kind)];
    if (rule) return rule(live, { now: options.now ?? new Date() });
    if (statusOnlyKind(live.apiVersion, live.kind)) return { status: 'Current', message: 'Resource is always ready' };
    return genericHealth(live);
  } catch (error) {
    const reason = error instanceof MalformedFieldError ? error.message : String(error);
    return { status: 'Unknown', message: `cannot assess: ${reason}` };
  }
}

function ruleKey(apiVersion: string, kind: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? kind : `${apiVersion.slice(0, slash)}/${kind}`;
}
