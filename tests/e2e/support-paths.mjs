import { resolve } from 'node:path';
/** The release build that the end-to-end tests and measurements read. */
export const DIST = resolve(import.meta.dirname, '../../dist');
