/**
 * The village receipt page is opened on cheap phones over weak signal: its cold transfer (the
 * page, everything it loads and the shipment it shows) stays within budget. Measured in the
 * system's headless Chromium, unthrottled (bytes do not depend on the line; timings live in the bench).
 */
import type { Browser } from 'playwright-core';
import { startTestStack, type TestStack } from '#test/support/api.ts';
import { launchBrowser } from '#test/support/browser.ts';
import { loadPage, type PageLoad } from '#test/support/measure/pages.ts';
import { shipmentFor } from '#test/support/measure/scenario.ts';
import { budgets } from './budgets.ts';

let t: TestStack;
let browser: Browser;
let load: PageLoad;

beforeAll(async () => {
  t = await startTestStack();
  browser = await launchBrowser();
  const { code } = await shipmentFor(t.organizer, 3);
  load = await loadPage(browser, `${t.stack.url}/terima/${code}`, { throttle: false });
});
afterAll(async () => {
  await browser?.close();
  await t.stack.stop();
});

test(`the receipt page's cold transfer is at most ${budgets.receiptPageBytes / 1000} kB`, () => {
  // On failure Jest prints every response, largest first.
  expect(load.bytes <= budgets.receiptPageBytes ? null : load).toBeNull();
});

test('the measured transfer covers the page and the shipment it shows (the budget cannot pass empty)', () => {
  expect(load.parts.map((part) => part.path)).toEqual(
    expect.arrayContaining([expect.stringMatching(/^\/terima\//), expect.stringMatching(/^\/receipts\//)]),
  );
});
