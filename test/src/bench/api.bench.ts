import { afterAll, bench, describe } from 'vitest';
import { gqlData, startTestServer } from '../harness';

/** Latency of the questions the first page asks, over HTTP against the seeded embedded store. */
const server = await startTestServer();
afterAll(() => server.close());

describe('GraphQL over HTTP on the article dataset', () => {
  bench('firms(search: "奥方") with district and capabilities', async () => {
    await gqlData(server.url, '{ firms(filter: {search: "奥方"}) { totalCount edges { node { nameZh district { code nameEn } capabilities { segment { nameEn } spareCapacity } } } } }');
  });

  bench('first page: 500 firms with districts and roles', async () => {
    await gqlData(server.url, '{ firms(first: 500) { totalCount edges { node { id nameZh nameEn district { code } isChainLeader isOem isRecycler outputCny } } } }');
  });

  bench('tradeFlows(year: 2024) with both firms and segment', async () => {
    await gqlData(server.url, '{ tradeFlows(year: 2024) { supplier { id } buyer { id } segment { code } kind amountCny } }');
  });
});
