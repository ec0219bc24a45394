export { EntityGitOpsCard } from './EntityGitOpsCard';
