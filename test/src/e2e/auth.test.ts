import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite } from './browser';

/**
 * Signing in and out in a real browser: order amounts are hidden from anonymous visitors without
 * breaking the page, and appear for a district bureau once signed in. Needs the built web app:
 * `pnpm --filter @yulian/web build` first.
 */

const SCREENSHOT = '/tmp/yulian-signed-in.png';

const BUREAU = { username: 'hechuan-e2e', password: 'Hechuan-e2e-pass-2025', displayName: '合川区经信委（测试）' };
/** Aofang supplies Anrui's surface-treated parts in 2024 (the default year): 300万元. */
const AOFANG_TO_ANRUI = 'flow:SUPPLY:aofang>anrui:SURFACE_TREATMENT';
/** An amount as the Chinese UI writes it. */
const MONEY = /\d[\d,.]*\s*(万元|亿元|元)/;

const { open, context } = browserSuite({ users: [{ ...BUREAU, role: 'BUREAU', districtCode: '500117' }] });

const flowLinks = (p: Page) => p.locator('[data-testid="graph-links"] li[data-kind="supply"], [data-testid="graph-links"] li[data-kind="scrap-return"]');
const link = (p: Page, id: string) => p.locator(`[data-testid="graph-links"] [data-link-id="${id}"]`);

async function graphSettled(p: Page): Promise<void> {
  await p.locator('[data-testid="cluster-graph"][data-node-count][data-layout="done"]').waitFor({ timeout: 20_000 });
}

/** The amounts shown in the drawn-links list, one entry per flow; null where it says "not disclosed". */
async function shownAmounts(p: Page): Promise<(string | null)[]> {
  const texts = await flowLinks(p).allTextContents();
  return texts.map((text) => (text.includes('金额不公开') ? null : (MONEY.exec(text)?.[0] ?? text)));
}

async function signIn(p: Page, username: string, password: string): Promise<void> {
  await p.getByTestId('sign-in').click();
  await p.getByTestId('login-username').fill(username);
  await p.getByTestId('login-password').fill(password);
  await p.getByTestId('login-submit').click();
}

/** Anonymous: the graph is drawn, every flow says its amount is not disclosed, and nothing reads as an error. */
async function expectAnonymousView(p: Page): Promise<void> {
  await graphSettled(p);
  await expect.poll(() => flowLinks(p).count()).toBeGreaterThan(0);
  await expect.poll(async () => (await shownAmounts(p)).every((amount) => amount === null)).toBe(true);
  expect(await link(p, AOFANG_TO_ANRUI).textContent()).toContain('金额不公开');
  expect(await p.getByTestId('legend-hidden-amount').count()).toBe(1);
  expect(await p.getByTestId('current-user').count()).toBe(0);
  expect(await p.getByTestId('sign-in').isVisible()).toBe(true);
  expect(await p.getByRole('alert').count()).toBe(0);
  expect(await p.locator('body').textContent()).not.toMatch(/加载失败|FORBIDDEN/);
}

describe('signing in', () => {
  it('shows an anonymous visitor the graph without amounts, and no error', async () => {
    const p = await open();
    await expectAnonymousView(p);
    expect(Number(await p.getByTestId('cluster-graph').getAttribute('data-edge-count'))).toBeGreaterThan(0);
    expect(await p.getByTestId('firm-row').count()).toBeGreaterThan(10);
  });

  it('says in words when the password is wrong, and stays anonymous', async () => {
    const p = await open();
    await graphSettled(p);
    await signIn(p, BUREAU.username, 'not-the-password');
    const error = p.getByTestId('login-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('用户名或密码错误。');
    expect(await error.getAttribute('role')).toBe('alert');
    expect(await p.getByTestId('login-password').inputValue()).toBe('');
    expect(await p.getByTestId('current-user').count()).toBe(0);
    expect((await context().cookies()).map((c) => c.name)).not.toContain('yulian_session');
    expect((await shownAmounts(p)).every((amount) => amount === null)).toBe(true);
  });

  it('shows a bureau the amounts, keeps the session over a reload, and hides them again on sign-out', async () => {
    const p = await open();
    await expectAnonymousView(p);

    await signIn(p, BUREAU.username, BUREAU.password);
    const user = p.getByTestId('current-user');
    await user.waitFor();
    expect(await user.textContent()).toContain(BUREAU.displayName);
    expect(await user.textContent()).toContain('区经信委');
    expect(await p.getByTestId('sign-in').count()).toBe(0);
    const cookie = (await context().cookies()).find((c) => c.name === 'yulian_session');
    expect(cookie?.httpOnly).toBe(true);

    // The page fetched its data again as the bureau: every amount is there.
    await expect.poll(() => link(p, AOFANG_TO_ANRUI).textContent(), { timeout: 10_000 }).toContain('300万元');
    expect((await shownAmounts(p)).every((amount) => amount !== null && MONEY.test(amount))).toBe(true);
    expect(await p.getByTestId('legend-hidden-amount').count()).toBe(0);
    await graphSettled(p);
    await p.getByTestId('graph-links').locator('summary').click();
    await p.screenshot({ path: SCREENSHOT, fullPage: true });

    // The cookie keeps the session over a reload.
    await p.reload({ waitUntil: 'domcontentloaded' });
    await p.getByTestId('current-user').waitFor();
    expect(await p.getByTestId('current-user').textContent()).toContain(BUREAU.displayName);
    await graphSettled(p);
    await expect.poll(() => link(p, AOFANG_TO_ANRUI).textContent(), { timeout: 10_000 }).toContain('300万元');

    // Amounts follow the year: Aofang's 2025 orders are above 10 million.
    await p.getByTestId('year-select').selectOption('2025');
    await expect.poll(() => link(p, AOFANG_TO_ANRUI).textContent(), { timeout: 10_000 }).toContain('1000万元');

    // Signing out refetches as anonymous and keeps the year chosen.
    await p.getByTestId('sign-out').click();
    await p.getByTestId('sign-in').waitFor();
    expect((await context().cookies()).map((c) => c.name)).not.toContain('yulian_session');
    await expectAnonymousView(p);
    expect(await p.getByTestId('year-select').inputValue()).toBe('2025');
  });
});
