import { articleDataset } from '@yulian/seed';
import { loadConfig } from '../config';
import { loadDataset } from '../seeding/load-dataset';
import { openStore } from '../store/open';

/** Loads (or reloads: every write is a merge) the article's dataset into the configured store. */
const store = await openStore(loadConfig());
try {
  const summary = await loadDataset(store, articleDataset);
  console.log(`Seeded: ${summary.firms} firms, ${summary.orders} orders, ${summary.districts} districts, ${summary.segments} segments.`);
} finally {
  await store.close();
}
