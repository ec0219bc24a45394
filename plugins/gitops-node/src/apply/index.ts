export { ResourceManager } from './resourceManager';
export type { ResourceManagerOptions } from './resourceManager';
export type { ApplyOptions, DeleteOptions, WaitOptions, ChangeAction, ChangeSet, ChangeSetEntry } from './types';
export { ApplyError, WaitError } from './errors';
export type { ObjectFailure, ObjectHealthReport } from './errors';
export { summarizeChangeSet, formatChangeSet } from './changeSet';
export { inventoryEntryFor, inventoryFromChangeSet, refFromInventoryEntry, diffInventory } from './inventory';
export { hasDrifted, semanticEqual } from './drift';
export { isImmutableFieldError } from './immutable';
export { sortForApply, sortForDelete } from './sort';
export {
  SSA_ANNOTATION,
  PRUNE_ANNOTATION,
  RECONCILE_ANNOTATION,
  FORCE_ANNOTATION,
  PRUNE_EXCLUSIONS,
} from './annotations';
