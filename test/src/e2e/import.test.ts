import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { choose } from './antd';
import { browserSuite } from './browser';

/**
 * The import page as a bureau officer uses it: a file with a mistake is checked, the mistake is
 * shown by row and column and nothing can be committed; the corrected file is checked, committed,
 * and checking it again shows every row as an update (it is in the store).
 */

const ARTIFACTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test-artifacts/import');
const ADMIN = { username: 'import-e2e-admin', password: 'Import-e2e-admin-2025' };
const HEADER = 'id,kind,supplierId,buyerId,segmentCode,year,amountCny';
const orderFile = (supplierId: string) => `${HEADER}\no-e2e-import-1,SUPPLY,${supplierId},anrui,SURFACE_TREATMENT,2026,1200000\n`;

const { open } = browserSuite({ artifacts: ARTIFACTS, users: [{ ...ADMIN, role: 'ADMIN', displayName: '市经信委（测试）' }] });

async function dryRun(p: Page, content: string, name = 'orders.csv'): Promise<void> {
  await p.locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
  await p.getByRole('button', { name: '试运行检查' }).click();
}

const statistic = (p: Page, title: string) => p.locator('.ant-statistic').filter({ hasText: title }).locator('.ant-statistic-content');

describe('the import page', () => {
  it('shows a bad row by row and column, refuses to commit it, and commits the corrected file', async () => {
    const p = await open('/import', { signIn: ADMIN });
    await p.getByRole('heading', { name: '数据导入与导出' }).waitFor();

    await dryRun(p, orderFile('no-such-firm'));
    const problem = p.locator('.ant-table-row').filter({ hasText: 'no-such-firm' });
    await problem.waitFor();
    expect((await problem.locator('td').allTextContents()).map((s) => s.trim())).toEqual(['2', '供方企业编号', 'no-such-firm', '企业不存在']);
    expect(await p.getByRole('button', { name: '提交导入' }).isDisabled()).toBe(true);
    await p.screenshot({ path: path.join(ARTIFACTS, '1-errors.png'), fullPage: true });

    await dryRun(p, orderFile('aofang'));
    await p.getByText('未发现错误，可以提交。').waitFor();
    expect(await statistic(p, '新增').textContent()).toBe('1');
    await p.getByRole('button', { name: '提交导入' }).click();
    await p.getByText('已全部写入。').waitFor();
    await p.screenshot({ path: path.join(ARTIFACTS, '2-committed.png'), fullPage: true });

    // The same file again: the order is now in the store, so the row would update it.
    await dryRun(p, orderFile('aofang'));
    await p.getByText('未发现错误，可以提交。').waitFor();
    expect(await statistic(p, '更新').textContent()).toBe('1');
    expect(await statistic(p, '新增').textContent()).toBe('0');
  });

  it('imports a target list: the kind explains its rules, a skipped stage is shown, the corrected file commits', async () => {
    const p = await open('/import', { signIn: ADMIN });
    await p.getByRole('heading', { name: '数据导入与导出' }).waitFor();
    await choose(p, p.getByRole('combobox', { name: '数据类型' }), '招商目标');
    await p.getByText('招商目标按目标编号新增或更新').waitFor();
    expect(await p.getByRole('link', { name: 'CSV' }).first().getAttribute('href')).toBe('/api/import/targets/template?format=csv');

    const targetFile = (stage: string) =>
      `id,name,districtCode,segmentCode,stage,leaderId\ntgt-hc-bearing-lead,示例精密轴承（江苏）有限公司,500117,BEARING,${stage},jianya\n`;
    await dryRun(p, targetFile('洽谈'), 'targets.csv');
    const problem = p.locator('.ant-table-row').filter({ hasText: 'NEGOTIATING' });
    await problem.waitFor();
    expect((await problem.locator('td').allTextContents()).map((s) => s.trim())).toEqual(['2', '阶段', 'NEGOTIATING', '只能改为 CONTACTED 或 DROPPED：目标阶段须从 LEAD 逐级推进']);
    await p.screenshot({ path: path.join(ARTIFACTS, '3-targets-errors.png'), fullPage: true });

    await dryRun(p, targetFile('接洽'), 'targets.csv');
    await p.getByText('未发现错误，可以提交。').waitFor();
    expect(await statistic(p, '更新').textContent()).toBe('1');
    await p.getByRole('button', { name: '提交导入' }).click();
    await p.getByText('已全部写入。').waitFor();
    await p.screenshot({ path: path.join(ARTIFACTS, '4-targets-committed.png'), fullPage: true });
  });
});
