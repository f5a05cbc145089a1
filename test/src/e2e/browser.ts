import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { createUserWithPassword, startTestServer, type TestServer, type UserSpec } from '../harness';

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

export interface Credentials {
  username: string;
  password: string;
}

/**
 * Signs in through the API from the page, so the session cookie is the browser's own and the test
 * does not depend on the header's sign-in form. Throws with the server's messages if refused.
 */
export async function signInFromPage(page: Page, credentials: Credentials): Promise<void> {
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

export interface BrowserSuiteOptions {
  /** Created before the browser starts, so that a test can sign in as any of them. */
  users?: readonly UserSpec[];
  /** Where the tests save screenshots; made up front so that the first screenshot does not fail. */
  artifacts?: string;
}

export interface OpenOptions {
  /** Sets `localStorage['yulian.debug']`, which makes the map expose `window.__yulianCy` (cy-hook.ts). */
  debugHook?: boolean;
  /** Signs in before the page is shown, so that it loads as this user. */
  signIn?: Credentials;
}

export interface BrowserSuite {
  server: () => TestServer;
  browser: () => Browser;
  /** The context of the page the running test opened last: its cookies, or to close it early. */
  context: () => BrowserContext;
  /** A fresh profile at `route` (the home page by default), reloaded after the options are set: the app reads both only as it starts. */
  open: (route?: string, options?: OpenOptions) => Promise<Page>;
}

/**
 * The set-up every browser test file shares, as vitest hooks: a seeded server with `users` in it,
 * then Chromium; after each test, every page it opened is closed and any console or page error
 * fails the test.
 */
export function browserSuite({ users = [], artifacts }: BrowserSuiteOptions = {}): BrowserSuite {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  // All of them, not just the last: a test that opens several pages answers for the errors of each.
  let opened: OpenedPage[] = [];

  beforeAll(async () => {
    assertWebBuilt();
    if (artifacts) mkdirSync(artifacts, { recursive: true });
    server = await startTestServer();
    for (const user of users) await createUserWithPassword(server.store, user);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(async () => {
    const pages = opened;
    opened = [];
    for (const { context } of pages) await context.close();
    expect(pages.flatMap(({ errors }) => errors)).toEqual([]);
  });

  const present = <T>(value: T | undefined, missing: string): T => {
    if (value === undefined) throw new Error(missing);
    return value;
  };
  const notStarted = 'the browser suite has not started: call browserSuite() at the top of the test file, and use it inside tests';

  return {
    server: () => present(server, notStarted),
    browser: () => present(browser, notStarted),
    context: () => present(opened.at(-1), 'this test has opened no page yet').context,
    async open(route = '', { debugHook = false, signIn } = {}) {
      const page = await openPage(present(browser, notStarted), `${present(server, notStarted).url}${route}`);
      opened.push(page);
      if (debugHook) await page.page.evaluate(() => localStorage.setItem('yulian.debug', '1'));
      if (signIn) await signInFromPage(page.page, signIn);
      if (debugHook || signIn) await page.page.reload({ waitUntil: 'domcontentloaded' });
      return page.page;
    },
  };
}
