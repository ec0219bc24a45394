export { EntityGitOpsContent } from './EntityGitOpsContent';
