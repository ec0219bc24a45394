/**
 * Types shared by the GitOps backend, frontend and CLI: the Flux object model, conditions, permissions and
 * the REST API's shapes.
 *
 * @packageDocumentation
 */
export * from './objects';
export * from './conditions';
export * from './permissions';
export * from './api';
export * from './entityLinks';
export * from './duration';
export * from './entityObjectMatch';
