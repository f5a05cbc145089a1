import { articleDataset } from '@yulian/seed';
import { loadDataset } from '@yulian/server';
import { bench, describe } from 'vitest';
import { openTempStore } from '../harness';

describe('embedded store', () => {
  bench(
    'open a fresh store, create the schema and load the article dataset',
    async () => {
      const temp = await openTempStore({ seed: false });
      await loadDataset(temp.store, articleDataset);
      await temp.close();
    },
    { iterations: 5, time: 0 },
  );
});
