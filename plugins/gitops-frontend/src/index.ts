/**
 * GitOps for Backstage: the entity tab and overview card showing the Flux objects that deliver an entity,
 * with Sync now / Suspend / Resume.
 *
 * @packageDocumentation
 */
export { gitopsPlugin, GitOpsPage, EntityGitOpsContent, EntityGitOpsCard, isGitOpsAvailable } from './plugin';
export { GitOpsClient, gitOpsApiRef } from './api';
export type { GitOpsApi, ObjectAction, PageRequest } from './api';
