import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithPassword, startTestServer, type TestServer } from '../harness';
import { assertWebBuilt, launchChromium, openPage, signInFromPage } from './browser';

/**
 * A firm keeps its own capabilities current from its profile: Aofang's staff edit the utilisation
 * of their surface-treatment line and see the spare capacity follow; the same staff are offered no
 * edit on another firm's profile, and neither is a visitor who has not signed in.
 */

const ARTIFACTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test-artifacts/firm-edit');
const AOFANG_STAFF = { username: 'aofang-e2e', password: 'Aofang-e2e-staff-2025' };

let server: TestServer;
let browser: Browser;
let context: BrowserContext | undefined;
let errors: string[] = [];

beforeAll(async () => {
  assertWebBuilt();
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startTestServer();
  await createUserWithPassword(server.store, { ...AOFANG_STAFF, role: 'FIRM', firmId: 'aofang', displayName: '奥方（测试）' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(async () => {
  await context?.close();
  context = undefined;
  expect(errors).toEqual([]);
});

async function openAt(route: string, signIn: boolean): Promise<Page> {
  const opened = await openPage(browser, `${server.url}${route}`);
  ({ context, errors } = opened);
  if (signIn) {
    await signInFromPage(opened.page, AOFANG_STAFF);
    await opened.page.reload({ waitUntil: 'domcontentloaded' });
  }
  await opened.page.getByTestId('firm-profile').waitFor({ timeout: 30_000 });
  return opened.page;
}

const surfaceRow = (p: Page) => p.getByTestId('capabilities').locator('tr').filter({ hasText: '表处件' });

describe('editing a firm from its profile', () => {
  it("lets a firm's staff change their line's utilisation and shows the new spare capacity", async () => {
    const p = await openAt('/?firm=aofang', true);
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

  it("offers no edit on another firm's profile, nor to a visitor", async () => {
    const other = await openAt('/?firm=guangan-moto', true);
    expect(await other.getByTestId('edit-capability-SURFACE_TREATMENT').count()).toBe(0);
    await context?.close();
    const visitor = await openAt('/?firm=aofang', false);
    await surfaceRow(visitor).waitFor();
    expect(await visitor.getByTestId('edit-capability-SURFACE_TREATMENT').count()).toBe(0);
  });
});
