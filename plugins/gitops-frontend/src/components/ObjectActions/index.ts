export { ObjectActions } from './ObjectActions';
export type { ObjectActionsProps } from './ObjectActions';
