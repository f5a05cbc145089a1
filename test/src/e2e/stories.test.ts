import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite } from './browser';
import './cy-hook';

/**
 * The stories of DOMAIN.md walked as a user would, in Debian's Chromium against the real server and
 * the seeded embedded store. Each step saves a screenshot under test-artifacts/stories/ for a human
 * to look at; any console error fails the test. The map's cytoscape instance is read through
 * `window.__yulianCy`, which the built app exposes once `localStorage['yulian.debug']` is '1'.
 */

const ARTIFACTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test-artifacts/stories');
const BUREAU = { username: 'hechuan-stories', password: 'Hechuan-stories-2025', displayName: '合川区经信委（测试）' };

const suite = browserSuite({ artifacts: ARTIFACTS, users: [{ ...BUREAU, role: 'BUREAU', districtCode: '500117' }] });
/** The hook on in every test, so that any story can read the map through `window.__yulianCy`. */
const open = (route: string) => suite.open(route, { debugHook: true });

/**
 * The viewport only on pages with the map: a full-page capture resizes the viewport, cytoscape
 * clears its canvas on resize, and the capture can land before it has drawn again.
 */
const shot = (p: Page, name: string, fullPage = false) => p.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage });

async function mapSettled(p: Page): Promise<void> {
  await p.locator('[data-testid="cluster-graph"][data-node-count][data-layout="done"]').waitFor({ timeout: 30_000 });
}

/** Reads the live graph: ids of firms by compound parent, and edges with their drawn style. */
function readGraph(p: Page) {
  return p.evaluate(() => {
    const cy = window.__yulianCy;
    if (!cy) throw new Error('window.__yulianCy is not set');
    return {
      parents: Object.fromEntries(cy.nodes('.firm').map((n) => [n.id(), n.parent().first().id()])),
      edges: cy.edges().map((e) => ({ id: e.id(), kind: String(e.data('kind')), lineStyle: String(e.style('line-style')), colour: String(e.style('line-color')), visible: e.visible() })),
      highlighted: cy.nodes('.highlighted').map((n) => n.id()),
      selected: cy.nodes(':selected').map((n) => n.id()),
    };
  });
}

async function signIn(p: Page): Promise<void> {
  await p.getByTestId('sign-in').click();
  await p.getByTestId('login-username').fill(BUREAU.username);
  await p.getByTestId('login-password').fill(BUREAU.password);
  await p.getByTestId('login-submit').click();
  await p.getByTestId('current-user').waitFor();
}

describe('stories in the browser', () => {
  it("Map a district: Hechuan's firms grouped by district, flows drawn supplier → buyer", async () => {
    const p = await open('/');
    await mapSettled(p);
    // Choose Hechuan in the district filter as a user would: open it, type, pick.
    await p.getByLabel('区县', { exact: true }).click();
    await p.keyboard.type('合川');
    await p.keyboard.press('Enter');
    await p.keyboard.press('Escape');
    await expect.poll(() => new URL(p.url()).searchParams.get('d')).toBe('500117');
    await mapSettled(p);
    await expect.poll(async () => (await readGraph(p)).parents['firm:aofang']).toBe('district:500120');
    const g = await readGraph(p);
    for (const firm of ['anrui', 'pingwei', 'jianya', 'shunbo', 'tianchiyu']) expect(g.parents[`firm:${firm}`]).toBe('district:500117');
    expect(g.parents['firm:yian']).toBe('district:500151'); // Jianya's brake-drum supplier, in Tongliang
    expect(g.edges.find((e) => e.id === 'flow:SUPPLY:aofang>anrui:SURFACE_TREATMENT')?.kind).toBe('supply');
    expect(g.edges.some((e) => e.kind === 'support')).toBe(true);
    await p.getByTestId('legend-hidden-amount').waitFor(); // anonymous: amounts not disclosed, widths uniform
    await shot(p, '1-map-hechuan');

    // Hover shows a tooltip; the geographic layout redraws from the district seats.
    const box = await p.getByTestId('cluster-graph').boundingBox();
    const anrui = await p.evaluate(() => window.__yulianCy?.getElementById('firm:anrui').renderedPosition());
    if (!box || !anrui) throw new Error('graph not on screen');
    await p.mouse.move(box.x + anrui.x, box.y + anrui.y);
    await expect.poll(() => p.getByTestId('graph-tooltip').textContent()).toContain('安瑞');
    await p.getByTestId('layout-geo').click();
    await mapSettled(p);
    expect(new URL(p.url()).searchParams.get('layout')).toBe('geo');

    // PNG export downloads the map.
    const [download] = await Promise.all([p.waitForEvent('download'), p.getByTestId('export-png').click()]);
    expect(download.suggestedFilename()).toBe('yulian-map-2024.png');
  });

  it('Search for 奥方 and open its panel: district, capabilities with spare capacity, customers', async () => {
    const p = await open('/');
    const search = p.getByRole('searchbox', { name: '搜索企业' });
    await search.fill('奥方');
    await search.press('Enter');
    await expect.poll(() => p.getByTestId('firm-row').count(), { timeout: 10_000 }).toBe(1);
    await p.getByTestId('open-firm').click();
    const profile = p.getByTestId('firm-profile');
    await profile.waitFor();
    expect(new URL(p.url()).searchParams.get('firm')).toBe('aofang');
    const text = (await profile.textContent()) ?? '';
    expect(text).toContain('重庆奥方汽车零部件有限公司');
    expect(text).toContain('璧山区');
    expect(text).toContain('表处件');
    expect(text).toContain('120,000');
    expect(text).toContain('安瑞'); // its customer
    expect(text).toContain('金额不公开'); // anonymous visitors see no amounts
    await mapSettled(p);
    await expect.poll(async () => (await readGraph(p)).selected).toEqual(['firm:aofang']);
    await shot(p, '2-aofang-panel');
  });

  it('Close a gap: the gap finder for 安瑞光电 in 2023 lists Aofang with its reasons; show it on the map', async () => {
    const p = await open('/');
    await signIn(p);
    await p.getByRole('link', { name: '缺口' }).click();
    await p.getByTestId('gaps-leader').selectOption('anrui');
    await p.getByTestId('gaps-year').selectOption('2023');
    const gap = p.locator('[data-testid="gap"][data-segment="SURFACE_TREATMENT"]');
    await gap.waitFor({ timeout: 20_000 });
    const aofang = gap.locator('[data-testid="candidate"][data-firm-id="aofang"]');
    await aofang.waitFor();
    const row = (await aofang.textContent()) ?? '';
    expect(row).toContain('奥方');
    expect(row).toContain('良品率90%');
    expect(row).toContain('公里');
    expect(await gap.textContent()).toContain('广安');
    expect(new URL(p.url()).search).toContain('leader=anrui');
    await shot(p, '3-gaps-anrui-2023', true);

    await aofang.getByTestId('show-on-map').click();
    await mapSettled(p);
    await expect.poll(async () => (await readGraph(p)).highlighted).toEqual(['firm:aofang']);
    await p.getByTestId('firm-profile').waitFor();
    await shot(p, '3b-candidate-on-map');
  });

  it('Switch to English and see English labels, reasons included', async () => {
    const p = await open('/gaps?leader=anrui&y=2023');
    await signIn(p);
    await p.getByTestId('candidate').first().waitFor({ timeout: 20_000 });
    await p.getByTestId('lang-toggle').click();
    await expect.poll(() => p.getByRole('heading', { level: 1 }).textContent()).toBe('Chain gaps');
    expect(await p.getByRole('navigation').textContent()).toContain('Suppliers');
    await expect.poll(() => p.locator('[data-firm-id="aofang"]').first().textContent(), { timeout: 15_000 }).toContain('Yield rate 90%');
    expect(await p.getByTestId('lang-toggle').textContent()).toBe('中文');
    await shot(p, '4-english-gaps', true);
    await p.getByRole('link', { name: 'Map', exact: true }).click();
    await mapSettled(p);
    expect(await p.getByRole('heading', { level: 1 }).textContent()).toBe('Cluster map');
    await shot(p, '4b-english-map');
  });

  it('Close the loop: toggling scrap returns draws the Shunbo–Ruitong loop apart from supply', async () => {
    const p = await open('/');
    await mapSettled(p);
    const scrapId = 'flow:SCRAP_RETURN:ruitong>shunbo:SCRAP_AL';
    const supplyId = 'flow:SUPPLY:shunbo>ruitong:RECYCLED_AL';
    await p.getByTestId('toggle-scrap').click();
    await expect.poll(() => new URL(p.url()).searchParams.get('scrap')).toBe('0');
    await expect.poll(async () => (await readGraph(p)).edges.some((e) => e.id === scrapId)).toBe(false);
    await mapSettled(p);
    await shot(p, '5a-scrap-off');
    await p.getByTestId('toggle-scrap').click();
    await expect.poll(() => new URL(p.url()).searchParams.get('scrap')).toBe(null);
    await expect.poll(async () => (await readGraph(p)).edges.some((e) => e.id === scrapId)).toBe(true);
    await mapSettled(p);
    const g = await readGraph(p);
    const scrap = g.edges.find((e) => e.id === scrapId);
    const supply = g.edges.find((e) => e.id === supplyId);
    expect(scrap).toMatchObject({ kind: 'scrap-return', lineStyle: 'dashed', visible: true });
    expect(supply).toMatchObject({ kind: 'supply', lineStyle: 'solid', visible: true });
    expect(scrap?.colour).not.toBe(supply?.colour);
    // Double-click focuses Shunbo's neighbourhood: Ruitong stays, far firms dim.
    await p.evaluate(() => {
      window.__yulianCy?.getElementById('firm:shunbo').emit('dbltap');
    });
    await expect.poll(() => p.evaluate(() => window.__yulianCy?.getElementById('firm:yian').hasClass('dimmed'))).toBe(true);
    expect(await p.evaluate(() => window.__yulianCy?.getElementById('firm:ruitong').hasClass('dimmed'))).toBe(false);
    await shot(p, '5b-scrap-loop');
  });

  it('Mentoring and dependence: Tianchiyu depends on Pingwei for about 60% and is mentored by it', async () => {
    const p = await open('/?firm=tianchiyu');
    await signIn(p);
    const profile = p.getByTestId('firm-profile');
    await profile.waitFor();
    await expect.poll(() => p.getByTestId('dependence').textContent(), { timeout: 15_000 }).toMatch(/平伟.*6\d(\.\d)?%/);
    expect(await p.getByTestId('support-ties').textContent()).toContain('平伟');
    await mapSettled(p);
    await shot(p, '6-tianchiyu-dependence');
  });

  it('Supplier search, dashboard, import and targets: every page loads without errors', async () => {
    const p = await open('/suppliers?seg=SURFACE_TREATMENT&near=pingwei');
    await p.getByTestId('suppliers-table').waitFor({ timeout: 20_000 });
    expect(await p.getByTestId('suppliers-table').textContent()).toContain('奥方');
    const [csv] = await Promise.all([p.waitForEvent('download'), p.getByTestId('export-csv').click()]);
    expect(csv.suggestedFilename()).toBe('yulian-suppliers-SURFACE_TREATMENT.csv');
    await shot(p, '7-suppliers', true);
    await signIn(p);
    await p.getByRole('link', { name: '看板' }).click();
    await p.getByTestId('chart-matrix').waitFor({ timeout: 20_000 });
    await p.getByTestId('chart-rates').waitFor({ timeout: 20_000 });
    await p.waitForTimeout(600); // the charts' entry animation
    await shot(p, '8-dashboard', true);
    await p.getByRole('link', { name: '导入' }).click();
    await p.getByRole('heading', { name: '数据导入与导出' }).waitFor();
    await p.getByRole('link', { name: '招商目标' }).click();
    await p.getByRole('heading', { name: /^招商目标/ }).waitFor();
  });

  it('keyboard: the navigation and the firm search are reachable with Tab and show focus', async () => {
    const p = await open('/');
    await p.getByTestId('firm-row').first().waitFor();
    await p.bringToFront();
    await p.keyboard.press('Tab'); // skip link
    expect(await p.evaluate(() => document.activeElement?.textContent)).toBe('跳到正文');
    await p.keyboard.press('Tab');
    expect(await p.evaluate(() => document.activeElement?.textContent)).toBe('地图');
    const outline = await p.evaluate(() => {
      const el = document.activeElement;
      return el ? getComputedStyle(el).outlineStyle : 'none';
    });
    expect(outline).not.toBe('none');
  });
});
