export { startGitServer } from './gitServer';
export type { GitServer, GitServerOptions } from './gitServer';
export {
  controlPlaneAvailable,
  controlPlaneBinaryDir,
  describeWithControlPlane,
  startControlPlane,
} from './controlPlane';
export type { ControlPlane } from './controlPlane';
export { startPostgres } from './postgres';
export type { PostgresServer } from './postgres';
export { testDatabaseIds } from './databases';
export type { TestDatabaseId } from './databases';
export { referenceBinaries } from './referenceBinaries';
export type { ReferenceBinaries } from './referenceBinaries';
export { corporaDir, repoRoot } from './corpora';
export { freePort } from './freePort';
