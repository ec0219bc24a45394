import {
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ActionResponse,
  formatObjectId,
  gitopsObjectReadPermission,
  gitopsObjectReconcilePermission,
  gitopsObjectSuspendPermission,
  GitOpsObject,
  ListObjectsResponse,
  ObjectId,
} from '@internal/plugin-gitops-common';
import express from 'express';
import Router from 'express-promise-router';
import { ObjectStore } from '../store/ObjectStore';
import { authorizeOrThrow } from './authorize';
import { entityLinks } from './entityLinks';
import { parseListQuery, parseObjectId, parsePage } from './params';

export interface RouterOptions {
  store: ObjectStore;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  logger: LoggerService;
  defaultCluster: string;
  /** Tells the portal an object changed (signals). */
  publishChange(object: GitOpsObject): Promise<void>;
}

const OBJECT_PATH = '/objects/:cluster/:kind/:namespace/:name';

/** The REST API under /api/gitops. Every route checks a permission; none returns a credential. */
export function createRouter(options: RouterOptions): express.Router {
  const { store, httpAuth, permissions, catalog, logger } = options;
  const router = Router();
  router.use(express.json({ limit: '64kb' }));

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/objects', async (req, res) => {
    const query = parseListQuery(req.query);
    const credentials = await httpAuth.credentials(req);
    await authorizeOrThrow(permissions, credentials, gitopsObjectReadPermission);
    const filter = { cluster: query.cluster, kind: query.kind, namespace: query.namespace, health: query.health };
    let items: GitOpsObject[];
    if (query.entityRef) {
      const entity = await catalog.getEntityByRef(query.entityRef, { credentials });
      if (!entity) throw new NotFoundError(`entity '${query.entityRef}' not found in the catalog`);
      const links = entityLinks(entity, options.defaultCluster);
      const byId = links.ids.length > 0 ? await store.listObjects({ ...filter, ids: links.ids }) : [];
      const byLabel = links.label ? await store.listObjects({ ...filter, label: links.label }) : [];
      items = uniqueObjects([...byId, ...byLabel]);
    } else {
      items = await store.listObjects(filter);
    }
    const body: ListObjectsResponse = { items };
    res.json(body);
  });

  router.get(OBJECT_PATH, async (req, res) => {
    const id = parseObjectId(req.params);
    await authorizeOrThrow(permissions, await httpAuth.credentials(req), gitopsObjectReadPermission, id);
    res.json(await existing(store, id));
  });

  const pages = {
    history: (id: ObjectId, page: ReturnType<typeof parsePage>) => store.listHistory(id, page),
    events: (id: ObjectId, page: ReturnType<typeof parsePage>) => store.listEvents(id, page),
  };
  for (const [list, read] of Object.entries(pages)) {
    router.get(`${OBJECT_PATH}/${list}`, async (req, res) => {
      const id = parseObjectId(req.params);
      const page = parsePage(req.query);
      await authorizeOrThrow(permissions, await httpAuth.credentials(req), gitopsObjectReadPermission, id);
      await existing(store, id);
      res.json(await read(id, page));
    });
  }

  router.post(`${OBJECT_PATH}/reconcile`, async (req, res) => {
    const id = parseObjectId(req.params);
    const credentials = await httpAuth.credentials(req);
    await authorizeOrThrow(permissions, credentials, gitopsObjectReconcilePermission, id);
    await existing(store, id);
    const requestedAt = new Date().toISOString();
    const actor = actorOf(credentials);
    const object = (await store.requestReconcile(id, requestedAt, actor))!;
    await store.addEvent(id, { severity: 'info', reason: 'ReconcileRequested', message: `reconcile requested by ${actor}` });
    logger.info(`${formatObjectId(id)}: reconcile requested by ${actor}`);
    await publish(options, object);
    const body: ActionResponse = { object, requestedAt };
    res.status(202).json(body);
  });

  for (const [action, suspended] of [['suspend', true], ['resume', false]] as const) {
    router.post(`${OBJECT_PATH}/${action}`, async (req, res) => {
      const id = parseObjectId(req.params);
      const credentials = await httpAuth.credentials(req);
      await authorizeOrThrow(permissions, credentials, gitopsObjectSuspendPermission, id);
      await existing(store, id);
      const actor = actorOf(credentials);
      const object = (await store.setSuspended(id, suspended))!;
      const verb = suspended ? 'suspended' : 'resumed';
      await store.addEvent(id, { severity: 'info', reason: suspended ? 'Suspended' : 'Resumed', message: `${verb} by ${actor}` });
      logger.info(`${formatObjectId(id)}: ${verb} by ${actor}`);
      await publish(options, object);
      const body: ActionResponse = { object };
      res.json(body);
    });
  }

  return router;
}

async function existing(store: ObjectStore, id: ObjectId): Promise<GitOpsObject> {
  const object = await store.getObject(id);
  if (!object) throw new NotFoundError(`${formatObjectId(id)} not found`);
  return object;
}

function uniqueObjects(objects: GitOpsObject[]): GitOpsObject[] {
  const seen = new Map<string, GitOpsObject>();
  for (const object of objects) seen.set(formatObjectId(object), object);
  return [...seen.values()];
}

function actorOf(credentials: { principal: unknown }): string {
  const principal = credentials.principal as { type?: string; userEntityRef?: string; subject?: string };
  if (principal.type === 'user' && principal.userEntityRef) return principal.userEntityRef;
  if (principal.type === 'service' && principal.subject) return principal.subject;
  return 'an anonymous caller';
}

async function publish(options: RouterOptions, object: GitOpsObject) {
  await options.publishChange(object).catch(error => options.logger.warn(`could not publish a status signal: ${error}`));
}
