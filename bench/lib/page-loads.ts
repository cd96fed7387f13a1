/**
 * Cold page loads on emulated slow 3G in the system's headless Chromium, for the pages people open
 * on phones: each page and the one-field floor page are loaded `runs` times, taking turns, and the
 * median of each is kept (bytes, responses and time to usable).
 */
import { launchBrowser } from '#test/support/browser.ts';
import { loadPage, type PageLoad, startFloorPage } from '#test/support/measure/pages.ts';
import { median } from './report.ts';

export interface PageTarget {
  name: string;
  url: string;
  /** The organizer's bearer token, for the organizer app. */
  token?: string;
  /** The field that makes the page usable, when it is not the first form field. */
  field?: string;
}

function medianLoad(loads: PageLoad[]): PageLoad {
  return {
    bytes: median(loads.map((load) => load.bytes)),
    gzipBytes: median(loads.map((load) => load.gzipBytes)),
    responses: median(loads.map((load) => load.responses)),
    usableMs: median(loads.map((load) => load.usableMs)),
    parts: loads[0]?.parts ?? [],
  };
}

/** Loads the floor and every target `runs` times on slow 3G; answers the median load of each. */
export async function loadPages(
  targets: PageTarget[],
  runs: number,
): Promise<{ floor: PageLoad; pages: Map<string, PageLoad> }> {
  const browser = await launchBrowser();
  const floorPage = await startFloorPage();
  const samples = new Map<string, PageLoad[]>([
    ['floor', []],
    ...targets.map((target): [string, PageLoad[]] => [target.name, []]),
  ]);
  try {
    for (let run = 0; run < runs; run++) {
      samples.get('floor')?.push(await loadPage(browser, floorPage.url, { throttle: true }));
      for (const target of targets) {
        samples
          .get(target.name)
          ?.push(await loadPage(browser, target.url, { throttle: true, token: target.token, field: target.field }));
      }
    }
  } finally {
    await floorPage.close();
    await browser.close();
  }
  const pages = new Map(targets.map((target) => [target.name, medianLoad(samples.get(target.name) ?? [])]));
  return { floor: medianLoad(samples.get('floor') ?? []), pages };
}
