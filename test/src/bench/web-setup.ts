import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createApp, EmbeddedStore } from '@yulian/server';
import { generateDataset } from '../../../seed/src/synthetic';
import { bulkLoadDataset } from '../../../server/src/seeding/bulk-load';
import { LOAD_BATCH, SEED } from './analysis-setup';

/**
 * The web benchmark's set-up: a synthetic cluster of a given size bulk-loaded into a fresh embedded
 * store, served by the real app (built web app included) on a loopback port, and the measurements
 * taken in headless Chromium.
 */

export interface SyntheticServer {
  url: string;
  firms: number;
  close(): Promise<void>;
}

/** Orders per firm over the three generated years: about one supply link per firm and year. */
const ORDERS_PER_FIRM = 3;

export async function startSyntheticServer(firms: number): Promise<SyntheticServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'yulian-web-bench-'));
  const store = await EmbeddedStore.open({ dataDir: dir, maxDbSizeBytes: 2 ** 34, queryTimeoutMs: 60_000 });
  await store.ensureSchema();
  await bulkLoadDataset(store, generateDataset({ firms, orders: firms * ORDERS_PER_FIRM, seed: SEED }), { mode: 'fresh', batchSize: LOAD_BATCH });
  const app = createApp({ store, development: false, security: { rateLimitPerMinute: 100_000, rateLimitPerUserPerMinute: 100_000 } });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    firms,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface FirstDraw {
  /** From navigation start to the first frame showing the map's data (the page's own clock). */
  ms: number;
  /**
   * From navigation start to the first frame showing the links too: the same frame for smaller
   * graphs; big graphs draw their firms first and their links a frame later (engine.ts).
   */
  linksMs: number;
  nodes: number;
  edges: number;
  renderer: string;
  /**
   * Firms that first frame showed: inside the map's viewport and at least half a pixel across (at
   * 10,000 firms the whole region is a field of dots 1–2 px wide). The frame counts only if the
   * firms are there to see, not a placeholder, nor a picture framed off-screen or too small to see.
   */
  visibleFirms: number;
  firms: number;
  /**
   * Where the time went (page clock, ms): scripts loaded, the cluster graph's request start and end,
   * and the app's own marks (web/src/lib/perfMark.ts): entry module ran, data in React, elements
   * added to cytoscape.
   */
  breakdown: { domContentLoaded: number; apiStart: number; apiEnd: number; entry: number; data: number; added: number };
}

const GRAPH = '[data-testid="cluster-graph"][data-first-draw-ms]';

/** Counts, when the map marks its first drawn frame, the firms that frame showed (see FirstDraw). */
function watchFirstDraw(): void {
  localStorage.setItem('yulian.debug', '1'); // exposes window.__yulianCy
  const observer = new MutationObserver(() => {
    const container = document.querySelector<HTMLElement>('[data-testid="cluster-graph"][data-first-draw-ms]');
    const cy = window.__yulianCy;
    if (!container || !cy) return;
    observer.disconnect();
    const { width, height } = container.getBoundingClientRect();
    const firms = cy.nodes('.firm').map((n) => {
      const { x, y } = n.renderedPosition();
      return x >= 0 && y >= 0 && x <= width && y <= height && n.renderedWidth() >= 0.5;
    });
    Object.assign(window, { __firstDrawFirms: { visible: firms.filter(Boolean).length, total: firms.length } });
  });
  observer.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-first-draw-ms'] });
}

/** Opens the map in a fresh profile and reads when it first drew. */
export async function measureFirstDraw(browser: Browser, url: string): Promise<FirstDraw> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    await page.addInitScript(watchFirstDraw);
    await page.goto(`${url}/`, { waitUntil: 'commit' });
    // Asked ten times a second with a bare property test: a locator polled every frame runs
    // Playwright's selector engine over the page on the main thread the map is drawn on.
    await page.waitForFunction(() => '__firstDrawFirms' in window, null, { timeout: 120_000, polling: 100 });
    await page.waitForFunction(() => performance.getEntriesByName('yulian:links-drawn', 'mark').length > 0, null, { timeout: 60_000, polling: 100 });
    const graph = page.locator(GRAPH);
    const counted = await page.evaluate(() => (window as unknown as { __firstDrawFirms: { visible: number; total: number } }).__firstDrawFirms);
    return {
      ms: Number(await graph.getAttribute('data-first-draw-ms')),
      linksMs: await page.evaluate(() => Math.round(performance.getEntriesByName('yulian:links-drawn', 'mark')[0]?.startTime ?? Number.NaN)),
      nodes: Number(await graph.getAttribute('data-node-count')),
      edges: Number(await graph.getAttribute('data-edge-count')),
      renderer: (await graph.getAttribute('data-renderer')) ?? '?',
      visibleFirms: counted.visible,
      firms: counted.total,
      breakdown: await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        const api = performance
          .getEntriesByType('resource')
          .filter((e) => e.name.endsWith('/graphql'))
          .map((e) => e as PerformanceResourceTiming)
          .sort((a, b) => b.transferSize - a.transferSize)[0];
        const mark = (name: string) => Math.round(performance.getEntriesByName(`yulian:${name}`, 'mark')[0]?.startTime ?? Number.NaN);
        return {
          domContentLoaded: Math.round(nav?.domContentLoadedEventEnd ?? Number.NaN),
          apiStart: Math.round(api?.startTime ?? Number.NaN),
          apiEnd: Math.round(api?.responseEnd ?? Number.NaN),
          entry: mark('entry'),
          data: mark('graph-data'),
          added: performance.getEntriesByName('yulian:elements-added', 'mark').map((m) => Math.round(m.startTime)).at(-1) ?? Number.NaN,
        };
      }),
    };
  } finally {
    await context.close();
  }
}

/**
 * Frames per second while the map is dragged: the mouse pans it in small steps for about
 * `durationMs` while the page counts animation frames.
 */
export async function measurePanFps(browser: Browser, url: string, durationMs = 2500): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
  try {
    const page: Page = await context.newPage();
    await page.goto(`${url}/?layout=geo`, { waitUntil: 'commit' });
    const graph = page.locator('[data-testid="cluster-graph"][data-layout="done"]');
    await graph.waitFor({ timeout: 120_000 });
    await page.waitForTimeout(500);
    const box = await graph.boundingBox();
    if (!box) throw new Error('the map is not on screen');
    await page.evaluate(() => {
      const w = window as unknown as { __frames: number; __counting: boolean };
      w.__frames = 0;
      w.__counting = true;
      const tick = () => {
        if (!w.__counting) return;
        w.__frames += 1;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    const started = Date.now();
    let step = 0;
    while (Date.now() - started < durationMs) {
      step += 1;
      const angle = step / 15;
      await page.mouse.move(cx + 200 * Math.cos(angle), cy + 150 * Math.sin(angle));
      await page.waitForTimeout(8);
    }
    await page.mouse.up();
    const elapsed = Date.now() - started;
    const frames = await page.evaluate(() => {
      const w = window as unknown as { __frames: number; __counting: boolean };
      w.__counting = false;
      return w.__frames;
    });
    return (frames * 1000) / elapsed;
  } finally {
    await context.close();
  }
}
