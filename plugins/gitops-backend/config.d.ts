import { HumanDuration } from '@backstage/types';

export interface Config {
  /** The GitOps plugin: target clusters, fleets and how reconciles run. */
  gitops?: {
    /** Cluster used when an entity annotation names no cluster. Default: the first cluster, else `default`. */
    defaultCluster?: string;
    /** Target clusters the reconcilers apply to. */
    clusters?: Array<{
      name: string;
      /** A kubeconfig file and, optionally, one of its contexts. */
      kubeconfig?: { path: string; context?: string };
      /** The API server's URL, with `caData`/`caFile` and a bearer `token`. */
      url?: string;
      caData?: string;
      caFile?: string;
      /** @visibility secret */
      token?: string;
      skipTLSVerify?: boolean;
      /** Use the service account of the pod the backend runs in. */
      inCluster?: boolean;
    }>;
    /** Repositories the platform reconciles, as `flux bootstrap` would set them up. */
    fleets?: Array<{
      name: string;
      url: string;
      ref?: { branch?: string; tag?: string; semver?: string; name?: string; commit?: string };
      path: string;
      cluster: string;
      /** Go duration, default 5m. */
      interval?: string;
      namespace?: string;
      /** Secret in the fleet's namespace of the target cluster holding git credentials. */
      secretRef?: string;
      /** gitignore-style patterns to leave out of the source artifact. */
      ignore?: string;
      prune?: boolean;
    }>;
    /** Reconcile scheduling in this replica. */
    scheduler?: {
      /** Reconciles running at once. Default 4. */
      concurrency?: number;
      /** How often due work is looked for, in seconds. Default 2. */
      pollSeconds?: number;
    };
    history?: {
      /**
       * How long reconcile history and events are kept: a Go duration (`720h`) or a duration object
       * (`{ days: 30 }`). Default 720h (30 days).
       */
      retention?: string | HumanDuration;
    };
    git?: {
      /** `native` uses the git CLI, `isomorphic` isomorphic-git; `auto` picks native where git is on the PATH. */
      implementation?: 'auto' | 'native' | 'isomorphic';
    };
    /** Where artifacts are cached and mirrors kept on local disk. Default: a directory under the OS temp dir. */
    workingDirectory?: string;
    /** Largest source artifact accepted, in MiB. Default 50. */
    maxArtifactMiB?: number;
  };
}
