import type { Server } from 'node:http';
import { articleDataset } from '@yulian/seed';
import { createDemoAccounts, demoAccountsNotice } from './auth/demo-accounts';
import { loadConfig } from './config';
import { createApp } from './http/app';
import { isEmpty, loadDataset } from './seeding/load-dataset';
import { openStore } from './store/open';

const startedAt = performance.now();
const config = loadConfig();
const store = await openStore(config);

if (config.seed === 'auto' && (await isEmpty(store))) {
  const summary = await loadDataset(store, articleDataset);
  console.log(
    `Loaded the article's dataset: ${summary.firms} firms, ${summary.orders} orders, ${summary.districts} districts, ${summary.segments} segments.`,
  );
  // Only on this first start: the passwords exist nowhere else, so they are printed once.
  const notice = demoAccountsNotice(await createDemoAccounts(store));
  if (notice) console.log(notice);
}

const app = createApp({ store, development: config.env === 'development', security: config.security, logistics: config.logistics, imports: config.imports });
const server: Server = app.listen(config.port, config.host, () => {
  const where = config.store.kind === 'embedded' ? `embedded store in ${config.store.dataDir}` : `Neo4j at ${config.store.uri}`;
  console.log(
    `Yulian is serving on http://localhost:${config.port} (${where}); GraphQL at /graphql; ready in ${Math.round(performance.now() - startedAt)} ms.`,
  );
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing in-flight requests and closing the store…`);
  server.close();
  server.closeIdleConnections();
  await store.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
