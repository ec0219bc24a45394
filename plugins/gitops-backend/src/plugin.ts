import { coreServices, createBackendPlugin } from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import {
  formatObjectId,
  GITOPS_SIGNAL_CHANNEL,
  gitopsPermissions,
  GitOpsObject,
} from '@internal/plugin-gitops-common';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { readGitOpsConfig } from './config';
import { createEngine } from './engine';
import { createRouter } from './service/router';
import { DatabaseObjectStore } from './store/DatabaseObjectStore';

/** The gitops backend plugin: wiring only. */
export const gitopsPlugin = createBackendPlugin({
  pluginId: 'gitops',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        lifecycle: coreServices.lifecycle,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        signals: signalsServiceRef,
      },
      async init(deps) {
        const { logger, scheduler, lifecycle, signals } = deps;
        const config = readGitOpsConfig(deps.config);
        const store = await DatabaseObjectStore.create(deps.database);

        const publishChange = async (object: GitOpsObject) => {
          await signals.publish({
            recipients: { type: 'broadcast' },
            channel: GITOPS_SIGNAL_CHANNEL,
            message: { objectId: formatObjectId(object), health: object.health },
          });
        };

        const engine = createEngine({
          config,
          store,
          db: store.db,
          logger,
          publishChange,
          instanceId: `${os.hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`,
        });

        deps.permissionsRegistry.addPermissions(gitopsPermissions);

        deps.httpRouter.use(
          createRouter({
            store,
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            catalog: deps.catalog,
            logger,
            defaultCluster: config.defaultCluster,
            publishChange,
          }),
        );
        deps.httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });

        lifecycle.addStartupHook(async () => {
          await engine.registerFleets().catch(error => logger.error(`registering gitops.fleets failed: ${error}`));
        });
        await scheduler.scheduleTask({
          id: 'gitops-reconcile-loop',
          scope: 'local',
          frequency: { seconds: config.pollSeconds },
          timeout: { minutes: 1 },
          fn: async () => {
            await engine.loop.tick();
          },
        });
        await scheduler.scheduleTask({
          id: 'gitops-history-retention',
          scope: 'global',
          frequency: { hours: 1 },
          timeout: { minutes: 5 },
          fn: async () => {
            const removed = await store.pruneHistory(new Date(Date.now() - config.historyRetentionMs));
            if (removed > 0) logger.info(`removed ${removed} history rows and events past retention`);
          },
        });
        lifecycle.addShutdownHook(() => engine.loop.stop());
      },
    });
  },
});
