/** The store changed between an import's check and its write: nothing was written (409). */
export { WriteConflict as ImportConflictError } from '../commands/conflict';
