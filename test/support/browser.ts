/**
 * Browser tests drive the real pages in the system's headless Chromium (never a downloaded one)
 * against an in-memory local stack. Screenshots go to `test-artifacts/` for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import type { Group } from '#shared/kernel/caller.ts';
import { startTestStack, type TestStack } from './api.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = join(process.cwd(), 'test-artifacts');

/** A cheap Android phone held upright. */
export const PHONE = { width: 360, height: 740 } as const;

/** Launches headless Chromium with nothing that phones home. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless=new',
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

/** A fresh phone-sized context (touch, mobile viewport, Indonesian locale) on the stack's origin. */
export function phoneContext(
  browser: Browser,
  baseURL: string,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  return browser.newContext({
    ...options,
    baseURL,
    viewport: PHONE,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
  });
}

/** A page that fails the test on any script error or console error it shows. */
export async function openPage(context: BrowserContext): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // Failed requests the page handles itself (a 409, a 400) are logged by Chromium as errors too.
    if (message.type() === 'error' && !/status of [45]\d\d/.test(message.text())) {
      problems.push(`console: ${message.text()}`);
    }
  });
  return { page, problems };
}

/** Keeps a full-page screenshot as `test-artifacts/<name>.png`. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Signs a page in as any person of a group (a kecamatan account with its kecamatan), with the
 * tokens the local issuer signs for scripts: the sign-in form lists the local accounts only, and
 * is driven by `signInAs` (test/browser/people.test.ts).
 */
export async function signIn(page: Page, group: Group, name: string, kecamatanCode?: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Masuk (lokal)' }).waitFor();
  // A string expression: the test program is type-checked without the DOM library.
  await page.evaluate(`fetch('/local/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: ${JSON.stringify(JSON.stringify({ group, name, ...(kecamatanCode ? { kecamatanCode } : {}) }))},
  }).then((reply) => reply.json()).then(({ token }) => sessionStorage.setItem('siap.token', token))`);
  await page.reload();
  await page.getByRole('link', { name: 'Sesi', exact: true }).waitFor();
}

/** Signs in through the local sign-in form, choosing a local account by the words of its choice. */
export async function signInAs(page: Page, account: string | RegExp): Promise<void> {
  await page.goto('/');
  await page.getByRole('radio', { name: account }).check();
  await page.getByRole('button', { name: 'Masuk (lokal)' }).click();
  await page.getByRole('button', { name: 'Keluar' }).waitFor();
}

/**
 * The message a field announces: the visible elements its `aria-describedby` points at, which is
 * where the pages put the API's field errors (so this proves both the text and the link).
 */
export async function fieldMessage(page: Page, label: string): Promise<string> {
  const ids = ((await page.getByLabel(label, { exact: true }).getAttribute('aria-describedby')) ?? '')
    .split(/\s+/)
    .filter(Boolean);
  const texts: string[] = [];
  for (const id of ids) {
    const node = page.locator(`[id="${id}"]`);
    if (await node.isVisible()) texts.push(((await node.textContent()) ?? '').trim());
  }
  return texts.join(' ');
}

/** Whether anything on the page is wider than the viewport (sideways scrolling on a phone). */
export function overflowsSideways(page: Page): Promise<boolean> {
  // A string expression: the test program is type-checked without the DOM library.
  return page.evaluate('document.documentElement.scrollWidth > window.innerWidth') as Promise<boolean>;
}

export interface BrowserStack extends TestStack {
  browser: Browser;
  /** The seeded demo session's id. */
  sessionId: string;
  /** The demo session's day (seeded a few days from today) as the pages print it, "8 Februari 2023". */
  sessionDay: string;
  stop(): Promise<void>;
}

/** Starts the local stack (demo regency and session seeded) and a browser, for one test file. */
export async function startBrowserStack(): Promise<BrowserStack> {
  const stack = await startTestStack();
  const browser = await launchBrowser();
  const sessions = await stack.organizer.get<{ items: Array<{ id: string; date: string }> }>('/sessions');
  const session = sessions.body.items[0];
  if (!session) throw new Error('the demo session was not seeded');
  const sessionDay = new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${session.date}T00:00:00Z`),
  );
  return {
    ...stack,
    browser,
    sessionId: session.id,
    sessionDay,
    async stop() {
      await browser.close();
      await stack.stack.stop();
    },
  };
}

export interface PhoneSession {
  stack: BrowserStack;
  page: Page;
  /** Page errors and failed requests seen so far; each test must end with none. */
  problems: string[];
}

/**
 * The frame most browser test files share: the stack and Chromium started once for the file, a
 * phone-sized page signed in as `who`, every test ending with no page errors, and everything
 * stopped at the end. `prepare` runs before the page opens (to set data up through the API).
 * The returned object is filled in by the time the file's own beforeAll hooks run.
 */
export function usePhoneSession(
  who: { group: Group; name: string },
  prepare?: (stack: BrowserStack) => Promise<void>,
): PhoneSession {
  const session = {} as PhoneSession;
  beforeAll(async () => {
    session.stack = await startBrowserStack();
    await prepare?.(session.stack);
    const context = await phoneContext(session.stack.browser, session.stack.stack.url);
    Object.assign(session, await openPage(context));
    await signIn(session.page, who.group, who.name);
  });
  afterAll(async () => {
    await session.stack?.stop();
  });
  afterEach(() => {
    expect(session.problems).toEqual([]);
  });
  return session;
}

export interface PhoneEachTest {
  stack: BrowserStack;
  context: BrowserContext;
  page: Page;
}

/**
 * A file's browser stack, and a fresh phone (context and page) for each of its tests; each test
 * must end with no page errors or failed requests. `use` is handed the stack once it runs, and
 * the stack with the test's phone before each test.
 */
export function phoneEachTest(use: (phone: Partial<PhoneEachTest> & { stack: BrowserStack }) => void): void {
  let stack: BrowserStack;
  let context: BrowserContext | undefined;
  let problems: string[] = [];
  beforeAll(async () => {
    stack = await startBrowserStack();
    use({ stack });
  });
  beforeEach(async () => {
    context = await phoneContext(stack.browser, stack.stack.url);
    const opened = await openPage(context);
    problems = opened.problems;
    use({ stack, context, page: opened.page });
  });
  afterEach(async () => {
    await context?.close();
    expect(problems).toEqual([]);
  });
  afterAll(async () => {
    await stack.stop();
  });
}
