import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, signInFromPage } from './browser';

/**
 * The investment team's board in a real browser: a Hechuan investment user moves targets through
 * their stages by drag and drop (signing asks for the amount, dropping for a reason, a skipped stage
 * is refused in words) and the progress dashboard follows. Needs the built web app with
 * `TargetsPage` (web/src/features/targets) mounted at /targets.
 */

const ARTIFACTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test-artifacts');
const INVESTMENT = { username: 'hechuan-invest-e2e', password: 'Hechuan-invest-e2e-2025' };
/** Moves are stamped now, so they count in this year's progress (China time). */
const YEAR = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();

const { open, server } = browserSuite({
  artifacts: ARTIFACTS,
  users: [{ ...INVESTMENT, role: 'INVESTMENT', districtCode: '500117', displayName: '合川区招商（测试）' }],
});

const signIn = (page: Page) => signInFromPage(page, INVESTMENT);

const card = (page: Page, id: string) => page.getByTestId(`card-${id}`);
const cardIn = (page: Page, stage: string, id: string) => page.getByTestId(`column-${stage}`).getByTestId(`card-${id}`);

async function drag(page: Page, id: string, stage: string): Promise<void> {
  await card(page, id).dragTo(page.getByTestId(`column-${stage}`));
}

async function progressFigures(page: Page): Promise<{ signed: number; started: string }> {
  await page.getByTestId('tab-progress').click();
  const dashboard = page.getByTestId('progress-dashboard');
  await dashboard.waitFor();
  await page.locator(`[data-testid="progress-dashboard"][data-year="${YEAR}"]`).waitFor();
  await page.locator('[data-testid="targets-page"][aria-busy="false"]').waitFor();
  const signedText = (await page.getByTestId('progress-signed').locator('.ant-statistic-content-value').textContent()) ?? '';
  return { signed: Number(signedText.replace(/\D/g, '')), started: (await page.getByTestId('progress-started').textContent()) ?? '' };
}

describe('targets board', () => {
  it('moves a target through its stages and the progress dashboard follows', async () => {
    const page = await open();
    await signIn(page);
    await page.goto(`${server().url}/targets`, { waitUntil: 'domcontentloaded' });
    await page
      .getByTestId('targets-page')
      .waitFor({ timeout: 15_000 })
      .catch(() => {
        throw new Error('no [data-testid=targets-page] at /targets: mount TargetsPage (web/src/features/targets) at /targets and rebuild the web app');
      });

    // On arrival: the year of the district's latest goal (the seed's 2025: 30 projects, 11 billion).
    await page.getByTestId('tab-progress').click();
    await page.locator('[data-testid="progress-dashboard"][data-year="2025"]').waitFor();
    await expect.poll(() => page.getByTestId('progress-dashboard').textContent()).toContain('2025年目标：30');
    expect(await page.getByTestId('progress-start-rate').textContent()).toContain('50.0%');
    await page.getByTestId('progress-chart').locator('canvas').first().waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'targets-progress-2025.png'), fullPage: true });

    // Leads from the gaps: every outside supplier of a 2025 gap is already on Hechuan's list.
    await page.getByRole('tab', { name: /补链线索/ }).click();
    const suggestions = page.getByTestId('targets-suggestions');
    await expect.poll(() => suggestions.locator('tbody tr').count()).toBe(3);
    expect(await suggestions.textContent()).toContain('已在名录');
    await page.screenshot({ path: path.join(ARTIFACTS, 'targets-suggestions.png'), fullPage: true });

    // This year's figures: the moves below are stamped now.
    await page.getByTestId('targets-year').click();
    await page.locator(`.ant-select-item-option[title="${YEAR}"]`).click();
    const before = await progressFigures(page);

    await page.getByRole('tab', { name: /进度看板/ }).click();
    await cardIn(page, 'NEGOTIATING', 'tgt-hc-led-negotiating').waitFor();

    // A skipped stage is refused in words, and the card stays where it was.
    await drag(page, 'tgt-hc-bearing-lead', 'SIGNED');
    await expect.poll(() => page.getByTestId('board-error').textContent()).toContain('只能推进到「接洽」');
    await cardIn(page, 'LEAD', 'tgt-hc-bearing-lead').waitFor();

    // Signing asks for the agreement amount first.
    await drag(page, 'tgt-hc-led-negotiating', 'SIGNED');
    await page.getByTestId('move-confirm').click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: '签约须填写协议金额' }).count()).toBe(1);
    await page.getByTestId('move-amount').fill('25000');
    await page.getByTestId('move-note').fill('签约仪式（测试）');
    await page.getByTestId('move-confirm').click();
    await cardIn(page, 'SIGNED', 'tgt-hc-led-negotiating').waitFor();

    await drag(page, 'tgt-hc-led-negotiating', 'STARTED');
    await cardIn(page, 'STARTED', 'tgt-hc-led-negotiating').waitFor();

    // Dropping asks for a reason.
    await drag(page, 'tgt-hc-bearing-lead', 'DROPPED');
    await page.getByTestId('move-reason').fill('企业暂缓扩产（测试）');
    await page.getByTestId('move-confirm').click();
    await cardIn(page, 'DROPPED', 'tgt-hc-bearing-lead').waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'targets-board.png'), fullPage: true });

    // A new target from the form: a refusal is shown on the field it names, then it lands at LEAD.
    await page.getByTestId('targets-new').click();
    const form = page.getByTestId('target-form');
    await form.getByLabel('企业名称').fill('示例新能源热管理有限公司（测试）');
    await form.getByLabel('产业链环节').click();
    await page.keyboard.type('轴承');
    await page.keyboard.press('Enter');
    await form.getByLabel('投资额（万元）').fill('100');
    await form.getByLabel('到位资金（万元）').fill('200');
    await page.getByTestId('form-save').click();
    await expect.poll(() => form.textContent()).toContain('must not exceed investmentCny');
    await form.getByLabel('到位资金（万元）').fill('50');
    await page.getByTestId('form-save').click();
    await page.getByTestId('column-LEAD').getByText('示例新能源热管理有限公司（测试）').waitFor();

    // The target's drawer shows the moves in its history.
    await card(page, 'tgt-hc-led-negotiating').click();
    const history = page.getByTestId('drawer-history');
    await expect.poll(() => history.textContent()).toContain('签约 → 开工');
    expect(await history.textContent()).toContain('洽谈 → 签约');
    expect(await history.textContent()).toContain('签约仪式（测试）');
    // Let the drawer finish sliding in, for a screenshot that shows it whole.
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(ARTIFACTS, 'targets-drawer.png') });
    await page.keyboard.press('Escape');

    await expect.poll(async () => (await progressFigures(page)).signed).toBe(before.signed + 1);
    const after = await progressFigures(page);
    const startedCount = (text: string) => Number(/已开工\s*(\d+)/.exec(text)?.[1] ?? Number.NaN);
    expect(startedCount(after.started)).toBe(startedCount(before.started) + 1);
    await page.getByTestId('progress-chart').locator('canvas').first().waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'targets-progress.png'), fullPage: true });
  });

  it("sets the year's goal from the dashboard and measures progress against it", async () => {
    const page = await open();
    await signIn(page);
    await page.goto(`${server().url}/targets`, { waitUntil: 'domcontentloaded' });
    await page.getByTestId('targets-year').click();
    await page.locator(`.ant-select-item-option[title="${YEAR}"]`).click();
    await progressFigures(page);
    const dashboard = page.getByTestId('progress-dashboard');
    expect(await dashboard.textContent()).toContain(`${YEAR}年尚未设定目标`);

    await page.getByTestId('goal-edit').click();
    await page.getByLabel('签约项目（个）').fill('12');
    await page.getByLabel('协议金额（亿元）').fill('50');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => dashboard.textContent()).toContain(`${YEAR}年目标：12`);
    expect(await page.getByTestId('progress-signed').textContent()).toContain('/ 12');
    await page.screenshot({ path: path.join(ARTIFACTS, 'targets-goal-set.png'), fullPage: true });
  });
});
