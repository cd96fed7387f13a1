/**
 * The pass page's service worker (`/hadir/sw.js`, scope `/hadir/`): keeps the page on the phone so
 * a pass opened once with a signal opens again with none (airplane mode, a reload, the link opened
 * again from WhatsApp). It keeps the page itself (the same HTML for every pass, as the server sent
 * it, content policy included) and the page's own hashed script and style sheet, and answers them
 * from the phone first. It keeps no pass: `/passes/<token>` goes to the network as if there were
 * no worker, and the page keeps the few words it shows (web/src/pass.ts). A new build names other
 * files, so the phone installs it at its next open and drops the old copy.
 */

/** Filled in by web/build.ts: the page's files, and a version that changes with any of them. */
declare const PASS_FILES: readonly string[];
declare const PASS_VERSION: string;

// The little of the worker's globals used here (the pages are typed with the DOM library only).
interface ExtendableEvent extends Event {
  waitUntil(work: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(reply: Promise<Response>): void;
}
interface WorkerScope {
  location: Location;
  registration: { scope: string };
  clients: {
    matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<ReadonlyArray<{ url: string }>>;
    claim(): Promise<void>;
  };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}
const worker = self as unknown as WorkerScope;

const PREFIX = 'siap-pass-';
const CACHE = `${PREFIX}${PASS_VERSION}`;
/** The page is the same for every token, so one copy is kept, under the scope's own address. */
const PAGE = worker.registration.scope;
const scopePath = new URL(PAGE).pathname;

/** The page as the server answers it, kept only when it came whole. */
async function keepPage(cache: Cache, address: string): Promise<Response> {
  const reply = await fetch(address, { cache: 'no-store' });
  if (reply.ok && (reply.headers.get('content-type') ?? '').startsWith('text/html'))
    await cache.put(PAGE, reply.clone());
  return reply;
}

worker.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(PASS_FILES);
      // The pass that registered (or updated) this worker: its address answers the page.
      const windows = await worker.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const opener = windows.find((each) => new URL(each.url).pathname.startsWith(scopePath));
      if (opener) await keepPage(cache, opener.url);
      await worker.skipWaiting();
    })(),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      await worker.clients.claim();
    })(),
  );
});

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  const address = new URL(request.url);
  if (request.method !== 'GET' || address.origin !== worker.location.origin) return;
  const isPass = address.pathname.startsWith(scopePath) && address.pathname !== worker.location.pathname;
  if (request.mode === 'navigate' && isPass) {
    event.respondWith(
      caches.open(CACHE).then(async (cache) => (await cache.match(PAGE)) ?? keepPage(cache, request.url)),
    );
  } else if (PASS_FILES.includes(address.pathname)) {
    event.respondWith(caches.match(request).then((kept) => kept ?? fetch(request)));
  }
});
