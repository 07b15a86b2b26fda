// One retry helper for every suite that waits on a watched file or a server.
export { eventually } from '../../../sources/src/test-support/eventually';
