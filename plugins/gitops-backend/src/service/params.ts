import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { ObjectId } from '@internal/plugin-gitops-common';
import { z } from 'zod';

const segment = z.string().min(1).max(253).regex(/^[A-Za-z0-9._:-]+$/, 'must be a Kubernetes-style name');

const objectIdSchema = z.object({ cluster: segment, kind: segment, namespace: segment, name: segment });

const listQuerySchema = z
  .object({
    entityRef: z.string().max(512).refine(isEntityRef, 'must be an entity ref like component:default/name').optional(),
    cluster: segment.optional(),
    kind: segment.optional(),
    namespace: segment.optional(),
    health: z.enum(['Ready', 'Failed', 'Reconciling', 'Suspended', 'Stalled', 'Unknown']).optional(),
  })
  .strict();

const pageSchema = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  severity: z.enum(['info', 'error']).optional(),
});

function isEntityRef(value: string): boolean {
  try {
    parseEntityRef(value);
    return value.includes(':');
  } catch {
    return false;
  }
}

export function parseObjectId(params: unknown): ObjectId {
  return parse(objectIdSchema, params, 'object path');
}

export function parseListQuery(query: unknown) {
  return parse(listQuerySchema, query, 'query');
}

export function parsePage(query: unknown) {
  return parse(pageSchema, query, 'query');
}

function parse<S extends z.ZodTypeAny>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues.map(issue => `${issue.path.join('.') || what}: ${issue.message}`);
    throw new InputError(`invalid ${what}: ${issues.join('; ')}`);
  }
  return result.data;
}
