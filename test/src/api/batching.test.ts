import type { AddressInfo } from 'node:net';
import { createApp, queries, type GraphStore } from '@yulian/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firmWrite, openTempStore, type TempStore } from '../harness';
import { gqlDataAs, tokenFor } from '../roles';

let temp: TempStore;
let url: string;
let bureau: string;
let close: () => Promise<void>;
const readsByQuery = new Map<string, number>();

/** The real store, with every read counted by query name. */
function counting(store: GraphStore): GraphStore {
  return {
    kind: store.kind,
    dialect: store.dialect,
    ensureSchema: () => store.ensureSchema(),
    read: (query) => {
      readsByQuery.set(query.name, (readsByQuery.get(query.name) ?? 0) + 1);
      return store.read(query);
    },
    write: (work) => store.write(work),
    ping: () => store.ping(),
    close: () => store.close(),
  };
}

beforeAll(async () => {
  temp = await openTempStore();
  await temp.store.write(async (tx) => {
    for (let i = 0; i < 120; i++) {
      await tx.run(
        queries.upsertFirm(
          firmWrite({ id: `batch-${String(i).padStart(3, '0')}`, nameZh: `批量企业${i}`, nameEn: `Batch firm ${i}`, districtCode: i % 2 ? '500117' : '500120' }),
        ),
      );
    }
  });
  bureau = await tokenFor(temp.store, { role: 'BUREAU', districtCode: '500117' });
  const server = createApp({ store: counting(temp.store), development: false }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = async () => {
    await new Promise((resolve) => server.close(resolve));
    await temp.close();
  };
});
afterAll(() => close());

describe('batching', () => {
  it('answers 100 firms with districts, capabilities, trade links and ties in a bounded number of store queries', async () => {
    readsByQuery.clear();
    const data = await gqlDataAs<{ firms: { edges: { node: { district: { code: string } } }[] } }>(
      url,
      bureau,
      `{ firms(first: 100) { edges { node { id district { code nameEn } capabilities { segment { code parent { code } } spareCapacity }
          needs { segment { code } } suppliers(year: 2024) { firm { id district { code } } amountCny }
          customers(year: 2024) { firm { id } amountCny } supports { to { id } } } } } }`,
    );
    expect(data.firms.edges).toHaveLength(100);
    const total = [...readsByQuery.values()].reduce((a, b) => a + b, 0);
    // One query per kind of data and level of nesting, whatever the page size: 100 firms must not
    // mean 100 queries. Districts are asked for twice: for the page, then for the suppliers found.
    expect(Object.fromEntries(readsByQuery)).toMatchObject({ findFirms: 1, countFirms: 1, districtsOfFirms: 2, capabilitiesOfFirms: 1 });
    expect(total).toBeLessThanOrEqual(14);
  });
});
