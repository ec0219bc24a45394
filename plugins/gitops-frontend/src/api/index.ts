export { gitOpsApiRef } from './GitOpsApi';
export type { GitOpsApi, ObjectAction, PageRequest } from './GitOpsApi';
export { GitOpsClient } from './GitOpsClient';
