import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Picks an option of an antd Select. The list slides open, and a click while it is still moving
 * can be lost, so the click waits until the slide has ended.
 */
export async function choose(p: Page, select: Locator, option: string): Promise<void> {
  await select.click();
  await pick(p, option);
}

/** Clicks the option of the open Select list that reads `option`, once the list has stopped sliding. */
export async function pick(p: Page, option: string): Promise<void> {
  const item = p.locator('.ant-select-item-option').filter({ hasText: option });
  const list = p.locator('.ant-select-dropdown').filter({ has: item });
  await expect.poll(() => list.getAttribute('class')).not.toMatch(/-(enter|appear)/);
  await item.click();
}
