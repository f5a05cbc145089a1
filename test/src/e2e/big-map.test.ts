import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSyntheticServer, type SyntheticServer } from '../bench/web-setup';
import { assertWebBuilt, launchChromium, openPage, type OpenedPage } from './browser';
import './cy-hook';

/**
 * The map of a big cluster (2,000 synthetic firms, some 2,700 elements), where the map draws its
 * firms first and adds their links in the next frame (engine.ts): every link the API answers must
 * be drawn, and a later filter must leave the map holding exactly that filter's graph.
 */

const FIRMS = 2000;
const QUERY = `query G($filter: GraphFilter) { clusterGraph(filter: $filter) { columns { nodes { id } edges { id } } } }`;

let server: SyntheticServer;
let browser: Browser;
let opened: OpenedPage | undefined;

beforeAll(async () => {
  assertWebBuilt();
  server = await startSyntheticServer(FIRMS);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(async () => {
  await opened?.context.close();
  expect(opened?.errors ?? []).toEqual([]);
  opened = undefined;
});

/** The ids the API answers for the map's filter of that year (the page's defaults otherwise). */
async function apiGraph(year: number): Promise<{ nodes: string[]; edges: string[] }> {
  const filter = { districtCodes: [], segmentCodes: [], year, leaderId: null, tiers: null, includeScrap: true, includeSupport: true };
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY, variables: { filter } }),
  });
  const { data } = (await res.json()) as { data: { clusterGraph: { columns: { nodes: { id: string[] }; edges: { id: string[] } } } } };
  return { nodes: [...data.clusterGraph.columns.nodes.id].sort(), edges: [...data.clusterGraph.columns.edges.id].sort() };
}

/** The ids the map's cytoscape instance holds. */
const drawn = (p: Page) =>
  p.evaluate(() => {
    const cy = window.__yulianCy;
    const ids = (eles: { map: (f: (e: { id: () => string }) => string) => string[] } | undefined) => [...(eles?.map((e) => e.id()) ?? [])].sort();
    return { nodes: ids(cy?.nodes('.firm, .district')), edges: ids(cy?.edges()) };
  });

describe('the map of a big cluster', () => {
  it('draws every firm, then every link, and holds exactly the next filter’s graph', async () => {
    opened = await openPage(browser, `${server.url}/`);
    const p = opened.page;
    await p.evaluate(() => localStorage.setItem('yulian.debug', '1'));
    await p.reload({ waitUntil: 'domcontentloaded' });

    const year2024 = await apiGraph(2024);
    expect(year2024.nodes.length + year2024.edges.length).toBeGreaterThanOrEqual(2000);
    await p.locator('[data-testid="cluster-graph"][data-first-draw-ms]').waitFor({ timeout: 60_000 });
    expect((await drawn(p)).nodes).toEqual(year2024.nodes);
    await expect.poll(async () => (await drawn(p)).edges, { timeout: 20_000 }).toEqual(year2024.edges);
    const marks = await p.evaluate(() => ['first-draw', 'links-drawn'].map((m) => performance.getEntriesByName(`yulian:${m}`, 'mark')[0]?.startTime ?? -1));
    expect(marks[0]).toBeGreaterThan(0);
    expect(marks[1]).toBeGreaterThanOrEqual(marks[0] ?? 0);

    const year2023 = await apiGraph(2023);
    expect(year2023.edges).not.toEqual(year2024.edges);
    await p.getByTestId('year-select').selectOption('2023');
    await expect.poll(async () => drawn(p), { timeout: 30_000 }).toEqual(year2023);
  }, 120_000);
});
