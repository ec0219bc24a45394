export { createKubeClient, refOf, DEFAULT_FIELD_MANAGER } from './client';
export type { CreateKubeClientOptions } from './client';
export { createKubeTransport } from './transport';
export type { KubeTransport, KubeRequest, HttpMethod, TransportOptions } from './transport';
export { countRequests } from './requestCounter';
export type { CountingTransport } from './requestCounter';
export { RestMapper, parseApiVersion } from './restMapper';
export { KubeApiError, UnknownKindError, isNotFound, isConflict, isInvalid } from './errors';
export type { StatusCause } from './errors';
export { formatRef, groupOf, versionOf } from './format';
export type {
  KubeClient,
  KubeObject,
  ObjectRef,
  ResourceMapping,
  ApplyRequestOptions,
  DeleteRequestOptions,
  ListRequestOptions,
  PatchRequestOptions,
  PatchType,
  PropagationPolicy,
} from './types';
