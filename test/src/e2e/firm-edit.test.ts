import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { choose, pick } from './antd';
import { browserSuite, type Credentials } from './browser';

/**
 * A firm keeps its own profile, capabilities, needs and orders current from its panel: Aofang's
 * staff edit the utilisation of their surface-treatment line and see the spare capacity follow,
 * change their profile, add and remove a need, and record, change and delete an order; a refused
 * amount is named and changes nothing. The same staff are offered no edit on another firm's
 * profile, nor is a visitor; Bishan's bureau edits Aofang's profile but not its orders.
 */

const ARTIFACTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test-artifacts/firm-edit');
const AOFANG_STAFF = { username: 'aofang-e2e', password: 'Aofang-e2e-staff-2025' };
const BISHAN_BUREAU = { username: 'bishan-e2e', password: 'Bishan-e2e-bureau-2025' };

const suite = browserSuite({
  artifacts: ARTIFACTS,
  users: [
    { ...AOFANG_STAFF, role: 'FIRM', firmId: 'aofang', displayName: '奥方（测试）' },
    { ...BISHAN_BUREAU, role: 'BUREAU', districtCode: '500120', displayName: '璧山区经信委（测试）' },
  ],
});

async function openAt(route: string, signIn?: Credentials): Promise<Page> {
  const p = await suite.open(route, { signIn });
  await p.getByTestId('firm-profile').waitFor({ timeout: 30_000 });
  return p;
}

const surfaceRow = (p: Page) => p.getByTestId('capabilities').locator('tr').filter({ hasText: '表处件' });

describe('editing a firm from its profile', () => {
  it("lets a firm's staff change their line's utilisation and shows the new spare capacity", async () => {
    const p = await openAt('/?firm=aofang', AOFANG_STAFF);
    // The seed: 600,000 sets at 80% in use.
    expect(await surfaceRow(p).textContent()).toContain('120,000 sets');
    await p.getByTestId('edit-capability-SURFACE_TREATMENT').click();
    const utilisation = p.getByLabel('产能利用率（%）');
    expect(await utilisation.inputValue()).toBe('80');
    await utilisation.fill('50');
    await p.getByRole('button', { name: '保 存' }).or(p.getByRole('button', { name: '保存' })).click();
    await expect.poll(() => surfaceRow(p).textContent(), { timeout: 15_000 }).toContain('300,000 sets');
    await p.screenshot({ path: path.join(ARTIFACTS, 'aofang-edited.png'), fullPage: true });
  });

  it("offers no edit on another firm's profile, nor to a visitor; a bureau edits the profile but not the orders", async () => {
    const other = await openAt('/?firm=guangan-moto&y=2025', AOFANG_STAFF);
    await other.getByTestId('orders-section').waitFor();
    expect(await editControls(other)).toEqual({ capability: 0, profile: 0, needs: 0, orders: 0 });
    // Aofang's staff may not list another firm's orders: the API withholds them, and the panel says so.
    expect(await other.getByTestId('orders-section').textContent()).toContain('订单明细仅对本企业、区经信委和管理员可见');
    await suite.context().close();

    const visitor = await openAt('/?firm=anrui&y=2025');
    await visitor.getByTestId('needs').waitFor();
    expect(await editControls(visitor)).toEqual({ capability: 0, profile: 0, needs: 0, orders: 0 });
    // Anrui's yearly demand is its own business: a padlock, not the figure.
    expect(await visitor.getByTestId('needs').textContent()).not.toContain('420,000');
    expect(await visitor.getByTestId('needs').locator('.amount-hidden').count()).toBeGreaterThan(0);
    await visitor.screenshot({ path: path.join(ARTIFACTS, 'visitor-no-edits.png'), fullPage: true });
    await suite.context().close();

    const bureau = await openAt('/?firm=aofang&y=2025', BISHAN_BUREAU);
    await bureau.getByTestId('orders').waitFor();
    expect(await bureau.getByTestId('edit-profile').count()).toBe(1);
    expect(await bureau.getByTestId('add-need').count()).toBe(1);
    // The bureau sees Aofang's orders and their amounts, yet only the trading parties record them.
    expect(await bureau.getByTestId('orders').textContent()).toContain('1000万元');
    expect(await bureau.getByTestId('add-order').count()).toBe(0);
    expect(await bureau.locator('[data-testid^="edit-order-"], [data-testid^="delete-order-"]').count()).toBe(0);
    // Designations are the bureau's to make, so its profile form offers them.
    await bureau.getByTestId('edit-profile').click();
    await bureau.getByTestId('profile-form').getByLabel('链主企业').waitFor();
    await bureau.waitForTimeout(400); // the dialog's fade-in, for a screenshot that shows it whole
    await bureau.screenshot({ path: path.join(ARTIFACTS, 'bureau-profile-form.png') });
  });

  it('lets the staff change their profile and see it after a reload', async () => {
    const p = await openAt('/?firm=aofang&y=2025', AOFANG_STAFF);
    await p.getByTestId('edit-profile').click();
    const form = p.getByTestId('profile-form');
    // A firm keeps its facts current; chain leader and the like are the bureau's call.
    expect(await form.getByLabel('链主企业').count()).toBe(0);
    await form.getByLabel('中文简称').fill('奥方零部件');
    await form.getByLabel('年产值（万元）').fill('5000');
    await form.getByLabel('产值年份').fill('2024');
    await form.getByLabel('认证（输入后按回车添加）').fill('ISO 14001');
    await p.keyboard.press('Enter');
    // A yield above 100% is refused on its field, in the form's own terms (the API checks a share 0–1).
    await form.getByLabel('良品率（%）').fill('150');
    await p.getByTestId('profile-form-save').click();
    const problem = p.getByTestId('profile-form-problem');
    await expect.poll(() => problem.textContent(), { timeout: 15_000 }).toContain('良品率（%）');
    expect(await problem.textContent()).toContain('须在 0 到 100 之间');
    expect(await p.locator('.firm-profile__name').textContent()).toBe('奥方汽车');
    await p.screenshot({ path: path.join(ARTIFACTS, 'profile-refused.png') });
    await form.getByLabel('良品率（%）').fill('92');
    await p.getByTestId('profile-form-save').click();
    await expect.poll(() => p.locator('.firm-profile__name').textContent(), { timeout: 15_000 }).toBe('奥方零部件');

    await p.reload({ waitUntil: 'domcontentloaded' });
    const profile = p.getByTestId('firm-profile');
    await expect.poll(() => p.locator('.firm-profile__name').textContent(), { timeout: 30_000 }).toBe('奥方零部件');
    expect(await profile.textContent()).toContain('5000万元 (2024)');
    expect(await profile.textContent()).toContain('IATF 16949, ISO 14001');
    expect(await profile.textContent()).toContain('92%');
    await p.screenshot({ path: path.join(ARTIFACTS, 'profile-saved.png'), fullPage: true });
  });

  it('adds a need, changes it and removes it', async () => {
    const p = await openAt('/?firm=aofang&y=2025', AOFANG_STAFF);
    const addNeed = p.getByTestId('add-need');
    // A real button: reachable and pressed from the keyboard.
    await addNeed.focus();
    await p.keyboard.press('Enter');
    const form = p.getByTestId('need-form');
    await form.getByLabel('产业链环节').click();
    await p.keyboard.type('铝压铸');
    await p.keyboard.press('Enter');
    await form.getByLabel('年需求量').fill('12000');
    await form.getByLabel('单位').fill('pieces');
    await p.getByTestId('need-form-save').click();
    const row = p.getByTestId('needs').locator('tr[data-segment="AL_DIE_CASTING"]');
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain('12,000 pieces');

    await p.getByTestId('edit-need-AL_DIE_CASTING').click();
    await p.getByTestId('need-form').getByLabel('年需求量').fill('15000');
    await p.getByTestId('need-form-save').click();
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain('15,000 pieces');
    await p.screenshot({ path: path.join(ARTIFACTS, 'need-added.png'), fullPage: true });

    await p.getByRole('button', { name: '删除“铝压铸件”的需求' }).click();
    await confirm(p);
    await p.getByTestId('needs-section').getByText('无。').waitFor({ timeout: 15_000 });
    expect(await p.getByTestId('needs').count()).toBe(0);
  });

  it('records an order, refuses a negative amount by name, changes the status and deletes it', async () => {
    const p = await openAt('/?firm=aofang&y=2025', AOFANG_STAFF);
    const rows = p.getByTestId('orders').locator('tr[data-order-id]');
    await rows.first().waitFor();
    const seeded = await rows.count();

    await p.getByTestId('add-order').click();
    const form = p.getByTestId('order-form');
    await form.getByLabel('对方企业').click();
    await p.keyboard.type('安瑞');
    await pick(p, '安瑞光电');
    await form.getByLabel('产业链环节').click();
    await p.keyboard.type('表处');
    await p.keyboard.press('Enter');
    await form.getByLabel('金额（万元）').fill('-5');
    await p.getByTestId('order-form-save').click();

    // Refused: the field and the reason in words, and the list as it was.
    const problem = p.getByTestId('order-form-problem');
    await expect.poll(() => problem.textContent(), { timeout: 15_000 }).toContain('金额（万元）');
    expect(await problem.textContent()).toContain('不能为负数');
    expect(await form.locator('.ant-form-item-has-error').textContent()).toContain('不能为负数');
    expect(await rows.count()).toBe(seeded);
    await p.screenshot({ path: path.join(ARTIFACTS, 'order-refused.png') });

    await form.getByLabel('金额（万元）').fill('120');
    await p.getByTestId('order-form-save').click();
    const recorded = rows.filter({ hasText: '120万元' });
    await recorded.waitFor({ timeout: 15_000 });
    expect(await rows.count()).toBe(seeded + 1);
    expect(await recorded.textContent()).toContain('安瑞光电');
    expect(await recorded.textContent()).toContain('执行中');
    const id = await recorded.getAttribute('data-order-id');
    if (!id) throw new Error('the recorded order has no id');
    await p.screenshot({ path: path.join(ARTIFACTS, 'order-recorded.png'), fullPage: true });

    await p.getByTestId(`edit-order-${id}`).click();
    await choose(p, p.getByTestId('order-form').getByLabel('状态'), '已完成');
    await p.getByTestId('order-form-save').click();
    await expect.poll(() => p.locator(`tr[data-order-id="${id}"]`).textContent(), { timeout: 15_000 }).toContain('已完成');

    await p.getByTestId(`delete-order-${id}`).click();
    await confirm(p);
    // Gone once the panel has been asked again; the seeded orders are back as they were.
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(seeded);
    expect(await p.locator(`tr[data-order-id="${id}"]`).count()).toBe(0);
    await p.screenshot({ path: path.join(ARTIFACTS, 'order-deleted.png'), fullPage: true });
  });
});

/** How many edit controls of each kind the panel offers. */
async function editControls(p: Page) {
  const count = (selector: string) => p.locator(selector).count();
  return {
    capability: await count('[data-testid^="edit-capability-"]'),
    profile: await count('[data-testid="edit-profile"]'),
    needs: await count('[data-testid="add-need"], [data-testid^="edit-need-"], [data-testid^="remove-need-"]'),
    orders: await count('[data-testid="add-order"], [data-testid^="edit-order-"], [data-testid^="delete-order-"]'),
  };
}

/** Confirms the open Popconfirm (antd spaces two CJK characters: "删 除"), once it has stopped zooming in. */
async function confirm(p: Page) {
  const popover = p.locator('.ant-popover.ant-popconfirm');
  await expect.poll(() => popover.getAttribute('class')).not.toMatch(/-(enter|appear)/);
  await popover.getByRole('button', { name: /^删\s*除$/ }).click();
}
