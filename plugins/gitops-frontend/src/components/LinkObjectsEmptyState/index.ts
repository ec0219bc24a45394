export { LinkObjectsEmptyState } from './LinkObjectsEmptyState';
