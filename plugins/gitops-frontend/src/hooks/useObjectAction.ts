import { useCallback, useState } from 'react';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { GitOpsObject, ObjectId, formatObjectId } from '@internal/plugin-gitops-common';
import { ObjectAction, gitOpsApiRef } from '../api';
import { describeError } from '../lib/errors';

const PAST_TENSE: Record<ObjectAction, string> = {
  reconcile: 'Reconcile requested for',
  suspend: 'Suspended',
  resume: 'Resumed',
};

/** Runs Sync now / Suspend / Resume, tracks which object is busy, and reports the outcome through the alert API. */
export function useObjectAction(onDone: (object?: GitOpsObject) => void) {
  const api = useApi(gitOpsApiRef);
  const alertApi = useApi(alertApiRef);
  const [pending, setPending] = useState<Record<string, ObjectAction>>({});

  const run = useCallback(
    async (action: ObjectAction, id: ObjectId) => {
      const key = formatObjectId(id);
      setPending(current => ({ ...current, [key]: action }));
      try {
        const response = await api[action](id);
        alertApi.post({
          message: `${PAST_TENSE[action]} ${id.kind} ${id.namespace}/${id.name}`,
          severity: 'success',
          display: 'transient',
        });
        onDone(response?.object);
      } catch (error) {
        const { message } = describeError(error);
        alertApi.post({
          message: `Could not ${action} ${id.kind} ${id.namespace}/${id.name}: ${message}`,
          severity: 'error',
        });
      } finally {
        setPending(({ [key]: _done, ...rest }) => rest);
      }
    },
    [api, alertApi, onDone],
  );

  return { run, pending };
}
