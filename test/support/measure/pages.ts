/**
 * Page weight and time to usable in headless Chromium (the system's, never a downloaded one):
 * a cold load (new context, cache disabled), optionally on an emulated slow 3G line. Bytes are
 * the encoded length (headers and body, as received) of every response until the network is
 * idle; "usable" is the moment the page's first form field (or a given field) is visible and
 * enabled with no part of the page still busy, timed inside the page from navigation start.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { phoneContext } from '#test/support/browser.ts';

/** 400 kbps down and up, 400 ms round trip (DevTools' "slow 3G" line). */
export const SLOW_3G = { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 };

const FIELD = 'form input:not([type=hidden]), form select, form textarea';

// Installed before any page script: records performance.now() when the first field becomes usable.
const probe = (field: string) => `(() => {
  const usable = () => {
    const field = document.querySelector(${JSON.stringify(field)});
    return !!field && !field.disabled && field.getClientRects().length > 0 &&
      getComputedStyle(field).visibility !== 'hidden' && !document.querySelector('[aria-busy="true"]');
  };
  const check = () => {
    if (window.__usableAt === undefined && document.documentElement && usable()) window.__usableAt = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
  const timer = setInterval(() => { check(); if (window.__usableAt !== undefined) clearInterval(timer); }, 10);
})();`;

export interface PageLoad {
  bytes: number;
  /**
   * What the same responses would transfer if every uncompressed body were gzipped (headers as
   * they were): what compression in the HTTP edge would save, measured on the real bodies.
   */
  gzipBytes: number;
  responses: number;
  usableMs: number;
  /** Every response, largest first. */
  parts: Array<{ path: string; bytes: number }>;
}

export interface LoadOptions {
  throttle: boolean;
  /** A bearer token the organizer app keeps in sessionStorage (web/src/auth.ts). */
  token?: string;
  /** The field whose readiness makes the page usable (a CSS selector); the first form field by default. */
  field?: string;
}

/** Loads `url` cold and answers its transfer and the time until its first field is usable. */
export async function loadPage(browser: Browser, url: string, options: LoadOptions): Promise<PageLoad> {
  const context = await phoneContext(browser, new URL(url).origin);
  try {
    if (options.token)
      await context.addInitScript(`sessionStorage.setItem('siap.token', ${JSON.stringify(options.token)})`);
    await context.addInitScript(probe(options.field ?? FIELD));
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (options.throttle) await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
    let bytes = 0;
    let gzipBytes = 0;
    let responses = 0;
    const urls = new Map<string, { path: string; encoded: boolean }>();
    const parts: PageLoad['parts'] = [];
    const bodies: Array<Promise<void>> = [];
    cdp.on('Network.responseReceived', (event) => {
      const encoded = Object.keys(event.response.headers).some((name) => name.toLowerCase() === 'content-encoding');
      urls.set(event.requestId, { path: new URL(event.response.url).pathname, encoded });
    });
    cdp.on('Network.loadingFinished', (event) => {
      const seen = urls.get(event.requestId);
      bytes += event.encodedDataLength;
      responses++;
      parts.push({ path: seen?.path ?? '?', bytes: event.encodedDataLength });
      if (seen?.encoded) {
        gzipBytes += event.encodedDataLength;
        return;
      }
      bodies.push(
        cdp
          .send('Network.getResponseBody', { requestId: event.requestId })
          .then(({ body, base64Encoded }) => {
            const raw = Buffer.from(body, base64Encoded ? 'base64' : 'utf8');
            const saved = Math.max(0, raw.length - gzipSync(raw).length);
            gzipBytes += event.encodedDataLength - saved;
          })
          .catch(() => {
            gzipBytes += event.encodedDataLength;
          }),
      );
    });
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    // A function, not a string: the pages' CSP forbids eval, which a string predicate would need.
    await page.waitForFunction(() => (globalThis as { __usableAt?: number }).__usableAt !== undefined, undefined, {
      timeout: 60_000,
      polling: 50,
    });
    await page.waitForLoadState('networkidle', { timeout: 60_000 });
    const usableMs = (await page.evaluate('window.__usableAt')) as number;
    await Promise.all(bodies);
    return { bytes, gzipBytes, responses, usableMs, parts: parts.sort((a, b) => b.bytes - a.bytes) };
  } finally {
    await context.close();
  }
}

/** The page floor: a minimal static HTML page with one field, from a throwaway loopback server. */
export async function startFloorPage() {
  const html =
    '<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<title>Floor</title><link rel="icon" href="data:,"></head><body><form><label>Nama <input name="nama"></label></form></body></html>';
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html) });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
