export { ObjectTable, StatusCell, RevisionCell } from './ObjectTable';
export type { ObjectTableProps } from './ObjectTable';
