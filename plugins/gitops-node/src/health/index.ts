export { assessHealth } from './assessHealth';
export type { HealthStatus, HealthResult, HealthOptions } from './types';
