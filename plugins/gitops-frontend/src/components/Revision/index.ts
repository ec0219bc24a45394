export { Revision } from './Revision';
