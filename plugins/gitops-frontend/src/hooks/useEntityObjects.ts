import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { useSignal } from '@backstage/plugin-signals-react';
import {
  GITOPS_SIGNAL_CHANNEL,
  GitOpsObject,
  formatObjectId,
} from '@internal/plugin-gitops-common';
import { gitOpsApiRef } from '../api';

/**
 * While something is in flight, look again soon. Otherwise signals bring changes at once; the slow poll is the
 * safety net for apps without the signals plugin or a dropped WebSocket.
 */
const FAST_POLL_MS = 4000;
const SLOW_POLL_MS = 30000;
const SLOW_POLL_WITH_SIGNALS_MS = 120000;
const FAST_WINDOW_MS = 30000;

export interface EntityObjectsState {
  objects?: GitOpsObject[];
  error?: Error;
  loading: boolean;
  /** Loads again, keeping the current list on screen meanwhile. */
  refresh: () => void;
  /** Puts an object returned by an action in place (or reloads) and watches closely for its outcome. */
  replaceObject: (object?: GitOpsObject) => void;
}

/** The objects linked to a catalog entity (or the whole fleet without one), kept current through signals or polling. */
export function useEntityObjects(entityRef?: string): EntityObjectsState {
  const api = useApi(gitOpsApiRef);
  const { lastSignal, isSignalsAvailable } = useSignal(GITOPS_SIGNAL_CHANNEL);
  const [objects, setObjects] = useState<GitOpsObject[]>();
  const [error, setError] = useState<Error>();
  const [loading, setLoading] = useState(true);
  const [watchUntil, setWatchUntil] = useState(0);
  const latestRequest = useRef(0);

  const refresh = useCallback(() => {
    const request = ++latestRequest.current;
    setLoading(true);
    api.listObjects(entityRef ? { entityRef } : {}).then(
      items => {
        if (request !== latestRequest.current) return;
        setObjects(items);
        setError(undefined);
        setLoading(false);
      },
      (failure: Error) => {
        if (request !== latestRequest.current) return;
        setError(failure);
        setLoading(false);
      },
    );
  }, [api, entityRef]);

  const replaceObject = useCallback(
    (object?: GitOpsObject) => {
      setWatchUntil(Date.now() + FAST_WINDOW_MS);
      if (!object?.kind) {
        refresh();
        return;
      }
      const id = formatObjectId(object);
      setObjects(current => current?.map(item => (formatObjectId(item) === id ? object : item)));
    },
    [refresh],
  );

  useEffect(refresh, [refresh]);

  useEffect(() => {
    if (lastSignal) refresh();
  }, [lastSignal, refresh]);

  const busy = objects?.some(object => object.health === 'Reconciling') ?? false;
  const fast = busy || watchUntil > Date.now();
  useEffect(() => {
    const slow = isSignalsAvailable ? SLOW_POLL_WITH_SIGNALS_MS : SLOW_POLL_MS;
    const timer = setInterval(refresh, fast ? FAST_POLL_MS : slow);
    const stop = fast && !busy ? setTimeout(() => setWatchUntil(0), Math.max(0, watchUntil - Date.now())) : undefined;
    return () => {
      clearInterval(timer);
      if (stop) clearTimeout(stop);
    };
  }, [fast, busy, watchUntil, isSignalsAvailable, refresh]);

  return { objects, error, loading, refresh, replaceObject };
}
