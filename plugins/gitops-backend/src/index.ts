/**
 * The gitops backend plugin: a source mirror and Kustomization reconciler scheduled on the Backstage backend,
 * with its state in the Backstage database and a REST API under /api/gitops.
 *
 * @packageDocumentation
 */
export { gitopsPlugin as default } from './plugin';
export type { ObjectStore, ObjectInput, ObjectFilter } from './store/ObjectStore';
