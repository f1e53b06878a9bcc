// The harness the framework test copies here before building (a Next app builds only what is inside it).
export { markPaid, onError, onEvent } from '../apps/harness.js';
