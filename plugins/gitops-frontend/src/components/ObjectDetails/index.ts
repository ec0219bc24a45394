export { ObjectDetails } from './ObjectDetails';
