import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Shared set-up of the browser tests: Debian's Chromium driven by playwright-core. */

const webDistIndex = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist/index.html');

/** The browser tests serve the built web app; say how to build it rather than fail obscurely. */
export function assertWebBuilt(): void {
  if (!existsSync(webDistIndex)) {
    throw new Error(`${webDistIndex} is missing: run \`pnpm --filter @yulian/web build\` before the browser tests`);
  }
}

/** Headless Chromium with the flags this machine's closed network needs (no background connections). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors, for the test to assert empty. */
  errors: string[];
}

/** A fresh profile (no cookie, empty localStorage, Chinese locale) on `url`. */
export async function openPage(browser: Browser, url: string): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return { context, page, errors };
}

/**
 * Signs in through the API from the page, so the session cookie is the browser's own and the test
 * does not depend on the header's sign-in form. Throws with the server's messages if refused.
 */
export async function signInFromPage(page: Page, credentials: { username: string; password: string }): Promise<void> {
  const answer = await page.evaluate(async ({ username, password }) => {
    const res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-graphql-yoga-csrf': 'e2e' },
      body: JSON.stringify({ query: 'mutation L($u: String!, $p: String!) { login(username: $u, password: $p) { expiresAt } }', variables: { u: username, p: password } }),
    });
    return (await res.json()) as { errors?: { message: string }[] };
  }, credentials);
  if (answer.errors) throw new Error(`sign-in refused: ${answer.errors.map((e) => e.message).join('; ')}`);
}
