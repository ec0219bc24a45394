/** Kinds with nothing to wait for once they exist (kstatus' "always ready" list). */
const ALWAYS_READY = new Set(['ConfigMap', 'Secret', 'batch/CronJob', 'policy/PodDisruptionBudget']);

export function statusOnlyKind(apiVersion: string, kind: string): boolean {
  const slash = apiVersion.indexOf('/');
  return ALWAYS_READY.has(slash < 0 ? kind : `${apiVersion.slice(0, slash)}/${kind}`);
}
