import { resolve } from 'node:path';

/** The repository root, from test/e2e/support. */
export const repoRoot = resolve(__dirname, '..', '..', '..');
export const appDir = resolve(repoRoot, 'packages', 'app');
export const backendDir = resolve(repoRoot, 'packages', 'backend');
export const resultsDir = resolve(repoRoot, 'test-results');
