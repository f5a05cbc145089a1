export { loadConfig, type Config } from './config';
export { createApp } from './http/app';
export { buildSchema, printSdl } from './graphql';
export { openStore } from './store/open';
export { EmbeddedStore } from './store/embedded/adapter';
export type { GraphStore, Query, Row } from './store/port';
export { loadDataset, isEmpty } from './seeding/load-dataset';
export * as queries from './store/queries';
