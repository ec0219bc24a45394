export * from './kube';
export * from './apply';
export * from './health';
export * from './build';
export * from './cluster';
export * from './source';
