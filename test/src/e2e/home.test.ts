import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite } from './browser';

/**
 * The home page in a real browser, against the real server over the article's seed data.
 * Needs the built web app: `pnpm --filter @yulian/web build` first.
 */

const SCREENSHOT = '/tmp/yulian-home.png';

/** Anrui's 2023 supplier of surface-treated parts in Guang'an: a flow of 2023 only. */
const GUANGAN_TO_ANRUI_2023 = 'flow:SUPPLY:guangan-moto>anrui:SURFACE_TREATMENT';
/** Aofang took over from 2024. */
const AOFANG_TO_ANRUI = 'flow:SUPPLY:aofang>anrui:SURFACE_TREATMENT';

const { open } = browserSuite();

const graph = (p: Page) => p.getByTestId('cluster-graph');
const rows = (p: Page) => p.getByTestId('firm-row');

async function graphNumber(p: Page, attribute: 'data-node-count' | 'data-edge-count'): Promise<number> {
  return Number((await graph(p).getAttribute(attribute)) ?? Number.NaN);
}

/** Resolves once the graph holds data and its layout has finished. */
async function graphSettled(p: Page): Promise<void> {
  await p.locator('[data-testid="cluster-graph"][data-node-count][data-layout="done"]').waitFor({ timeout: 20_000 });
}

describe('home page', () => {
  it('lists firms and narrows the list by search', async () => {
    const p = await open();
    await rows(p).first().waitFor();
    expect(await rows(p).count()).toBeGreaterThan(10);
    await expect.poll(() => rows(p).filter({ hasText: '奥方' }).count()).toBe(1);

    await p.getByTestId('firm-search').fill('奥方');
    await expect.poll(() => rows(p).count(), { timeout: 10_000 }).toBe(1);
    const only = rows(p).first();
    expect(await only.getAttribute('data-firm-id')).toBe('aofang');
    expect(await only.textContent()).toContain('重庆奥方汽车零部件有限公司');
    expect(await p.getByTestId('firm-table').textContent()).toContain('璧山区');
  });

  it('draws the seeded cluster', async () => {
    const p = await open();
    await graphSettled(p);
    expect(await graphNumber(p, 'data-node-count')).toBeGreaterThan(10);
    expect(await graphNumber(p, 'data-edge-count')).toBeGreaterThan(0);
    // A canvas was actually drawn into the container.
    expect(await graph(p).locator('canvas').count()).toBeGreaterThan(0);
  });

  it('switches to English and remembers the choice after a reload', async () => {
    const p = await open();
    const toggle = p.getByTestId('lang-toggle');
    await rows(p).first().waitFor();
    expect(await toggle.textContent()).toBe('EN');
    expect(await p.locator('h1, h2').allTextContents()).toEqual(['产业集群图谱', '企业名录']);

    await toggle.click();
    await expect.poll(() => p.locator('h1, h2').allTextContents()).toEqual(['Cluster map', 'Firms']);
    expect(await toggle.textContent()).toBe('中文');
    await expect.poll(() => rows(p).filter({ hasText: 'Aofang' }).count()).toBe(1);

    await p.reload({ waitUntil: 'domcontentloaded' });
    await rows(p).first().waitFor();
    expect(await p.locator('h1, h2').allTextContents()).toEqual(['Cluster map', 'Firms']);
    expect(await p.getByTestId('lang-toggle').textContent()).toBe('中文');
    expect(await p.locator('html').getAttribute('lang')).toBe('en');
    expect(await rows(p).filter({ hasText: 'Chongqing Aofang Auto Parts Co., Ltd.' }).count()).toBe(1);

    await p.getByTestId('lang-toggle').click();
    await expect.poll(() => p.locator('h1, h2').allTextContents()).toEqual(['产业集群图谱', '企业名录']);
  });

  it('redraws the flows of the chosen year', async () => {
    const p = await open();
    await graphSettled(p);
    const link = (id: string) => p.locator(`[data-testid="graph-links"] [data-link-id="${id}"]`);
    const linkCount = () => p.locator('[data-testid="graph-links"] li[data-link-id]').count();

    // 2024 (the default): Aofang supplies Anrui; the Guang'an supplier no longer does.
    expect(await p.getByTestId('year-select').inputValue()).toBe('2024');
    expect(await link(AOFANG_TO_ANRUI).count()).toBe(1);
    expect(await link(GUANGAN_TO_ANRUI_2023).count()).toBe(0);
    const edges2024 = await graphNumber(p, 'data-edge-count');
    expect(edges2024).toBe(await linkCount());

    // 2023: Anrui still buys its surface-treated parts in Guang'an, and Aofang's line stands idle.
    await p.getByTestId('year-select').selectOption('2023');
    await link(GUANGAN_TO_ANRUI_2023).waitFor({ state: 'attached', timeout: 10_000 });
    expect(await link(AOFANG_TO_ANRUI).count()).toBe(0);
    await graphSettled(p);
    const edges2023 = await graphNumber(p, 'data-edge-count');
    expect(edges2023).toBe(await linkCount());
    expect(edges2023).toBeLessThan(edges2024);
    // Anonymous visitors see which firms trade, not for how much (auth.test.ts signs in for amounts).
    expect(await p.locator(`[data-link-id="${GUANGAN_TO_ANRUI_2023}"]`).textContent()).toContain('金额不公开');

    // 2025: back to Aofang.
    await p.getByTestId('year-select').selectOption('2025');
    await link(AOFANG_TO_ANRUI).waitFor({ state: 'attached', timeout: 10_000 });
    expect(await link(GUANGAN_TO_ANRUI_2023).count()).toBe(0);
    expect(await link(AOFANG_TO_ANRUI).textContent()).toContain('金额不公开');
    await graphSettled(p);
    expect(await graphNumber(p, 'data-edge-count')).toBe(await linkCount());
  });

  it('looks right (screenshot for a human to check)', async () => {
    const p = await open();
    await rows(p).first().waitFor();
    await graphSettled(p);
    await p.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(existsSync(SCREENSHOT)).toBe(true);
  });
});
