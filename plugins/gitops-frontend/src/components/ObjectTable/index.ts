export { ObjectTable } from './ObjectTable';
export type { ObjectTableProps } from './ObjectTable';
