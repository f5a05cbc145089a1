import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the printed API schema is committed. */
export const schemaSdlPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../schema/schema.graphql');
