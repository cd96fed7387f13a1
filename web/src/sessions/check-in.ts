/**
 * Check-in at the door, on a phone: find the person by name, desa or kecamatan, tap "Hadir", see
 * the time; the search then empties for the next person. Someone not yet registered is registered
 * and checked in in one step ("Daftar + hadir"). A second tap (or a colleague's phone) is
 * harmless: the API keeps the first time.
 *
 * The list comes page by page (the first page is shown at once, the rest fill in behind it) and is
 * kept on the phone, so a reload shows it immediately and then refreshes it. Only 60 rows are
 * drawn at a time, so a session of 3,000 people stays quick on a cheap phone.
 *
 * A tap on a person ("Ubah" beside the name) opens the correction panel: the details put right, a
 * check-in undone, or (admins) the registration cancelled, each with a reason; the list follows.
 *
 * "Pindai QR" opens the camera: one scanned pass is one check-in, confirmed by name, role and
 * unit. Without a network a tap or a scan still counts: it is kept on the phone (IndexedDB) with
 * its time and this phone's id, the page says how many are not sent yet, and sends them in one
 * batch when the network returns; the API counts a person once, keeping the earliest time.
 */
import type { MAX_CHECK_INS } from '#shared/sessions/invitation-contract.ts';
import { roles } from '#shared/sessions/rules/roles.ts';
import { ApiError, call } from '../api.ts';
import { fill, h, searchKey } from '../dom.ts';
import { notice } from '../forms.ts';
import { formatTime, num } from '../lang.ts';
import { dequeue, deviceId, type Entry, enqueue, loadList, type QueuedItem, queued, saveList } from './door-store.ts';
import { registrationForm } from './registration-form.ts';
import type { ScanOutcome } from './scanner.ts';
import type { SessionPage } from './session.ts';
import { t } from './texts.ts';

/** Rows drawn at once: plenty for a search result, light for a cheap phone. */
const MAX_ROWS = 60;
/** The first page is small so it arrives quickly on a weak signal; the rest come in large pages. */
const FIRST_PAGE = 200;
const NEXT_PAGES = 1000;
const SMALL_SCREEN = '(max-width: 40rem)';
/** Check-ins sent at once: the contract's limit (its module is zod, too heavy for the page; tsc keeps them equal). */
const BATCH: typeof MAX_CHECK_INS = 500;
/** How often check-ins kept on the phone are tried again (besides when the network returns). */
const RETRY_MS = 20_000;
/** A pass token anywhere in what a QR carries (the pass page's address, or the token alone). */
const TOKEN_IN = /[0-9A-HJKMNP-TV-Z]{26}_[A-Z]{2}[-0-9a-f.]{0,40}_[0-9A-HJKMNP-TV-Z]{26}/;

/** Whether a failed call never reached the server (no network), so the check-in is kept for later. */
const unreachable = (error: unknown) => !navigator.onLine || (error instanceof ApiError && error.status === 0);

type ItemResult = Awaited<ReturnType<typeof call<'checkInMany'>>>['body']['results'][number];

interface Person {
  entry: Entry;
  unit: string;
  /** Search text: name, desa and kecamatan without accents or punctuation. */
  key: string;
}

const entryOf = (each: Entry): Entry => ({
  id: each.id,
  fullName: each.fullName,
  role: each.role,
  villageCode: each.villageCode,
  kecamatanCode: each.kecamatanCode,
  checkedInAt: each.checkedInAt,
  source: each.source,
  sk: each.sk,
});

export const checkInPage: SessionPage = async ({ view, session, regions, user, left }) => {
  let people: Person[] = [];
  /** Check-ins made on this page: a refresh that read the list before them must not undo them. */
  const checkedHere = new Map<string, string>();
  /** Phone numbers from the server's list, for the correction form (never kept on the phone). */
  const phones = new Map<string, string | undefined>();
  let loaded: Promise<void> = Promise.resolve();
  let loading = false;
  let registeredTotal = session.registered;
  let lastDone = '';
  let source: 'none' | 'phone' | 'server' = 'none';
  let savedAt = '';
  const device = deviceId();
  /** People checked in on this phone whose check-in is kept, not sent yet. */
  let unsentIds = new Set<string>();
  let flushing = false;
  let stopScanner: (() => void) | null = null;

  const presentCount = h('strong', null, '0');
  const registeredCount = h('strong', null, num(registeredTotal));
  const search = h('input', {
    type: 'search',
    id: 'check-in-search',
    autocomplete: 'off',
    autocapitalize: 'none',
    spellcheck: 'false',
    enterkeyhint: 'search',
  });
  // Busy from the start: the phone's copy is read (IndexedDB) before the server's list is asked for.
  const list = h('ul', { class: 'people', 'aria-label': t('checkIn.list'), 'aria-busy': 'true' });
  const done = h('span', { class: 'done' });
  const shown = h('span', { class: 'shown' });
  const status = h('p', { class: 'meta check-in-status', 'aria-live': 'polite' }, done, shown);
  const failure = h('div', { hidden: true });
  const walkInButton = h('button', { type: 'button', class: 'link-button walk-in' }, `+ ${t('checkIn.walkIn')}`);
  const walkInPanel = h('section', { class: 'panel walk-in-panel', hidden: true });
  const correctionBox = h('section', { class: 'panel correction-panel', hidden: true });
  const scanButton = h('button', { type: 'button', class: 'secondary scan-open' }, `▣ ${t('checkIn.scan')}`);
  const scanPanel = h('section', { class: 'panel scan-panel', hidden: true });
  const unsentCount = h('strong', null);
  const sendNow = h('button', { type: 'button', class: 'link-button' }, t('checkIn.unsent.send'));
  const unsentBox = h(
    'div',
    { class: 'notice warn unsent', role: 'status', hidden: true },
    unsentCount,
    h('span', null, t('checkIn.unsent.hint')),
    sendNow,
  );

  const personOf = (entry: Entry): Person => {
    const kecamatan = entry.kecamatanCode ? regions.kecamatanName(entry.kecamatanCode) : '';
    const village = entry.villageCode ? regions.villageName(entry.villageCode) : '';
    const unit = village
      ? `${t('unit.village', { name: village })}, ${t('unit.kecamatan', { name: kecamatan })}`
      : t('unit.kecamatan', { name: kecamatan });
    return { entry, unit, key: searchKey(`${entry.fullName} ${village} ${kecamatan}`) };
  };

  /** Kecamatan, then desa, in code order (the Wilayah list's order): a desa's delegation side by side. */
  const order = (a: Person, b: Person) =>
    (a.entry.kecamatanCode ?? '~').localeCompare(b.entry.kecamatanCode ?? '~') ||
    (a.entry.villageCode ?? '').localeCompare(b.entry.villageCode ?? '') ||
    roles.indexOf(a.entry.role) - roles.indexOf(b.entry.role) ||
    a.entry.fullName.localeCompare(b.entry.fullName, 'id');

  const setPeople = (entries: Entry[]) => {
    people = entries.map((each) => {
      const at = checkedHere.get(each.id);
      return personOf(at && !each.checkedInAt ? { ...each, checkedInAt: at } : each);
    });
    people.sort(order);
  };

  const count = () => {
    presentCount.textContent = num(people.filter((each) => each.entry.checkedInAt).length);
    registeredCount.textContent = num(loading ? Math.max(registeredTotal, people.length) : people.length);
  };

  const mark = (entry: Entry) =>
    entry.checkedInAt
      ? h(
          'span',
          { class: unsentIds.has(entry.id) ? 'present unsent-mark' : 'present' },
          `✓ ${t('checkIn.at', { time: formatTime(entry.checkedInAt) })}`,
          unsentIds.has(entry.id) ? h('small', null, t('checkIn.unsent.mark')) : null,
        )
      : null;

  const keepList = () =>
    void saveList(
      session.id,
      people.map((each) => each.entry),
    );

  /** Shows how many check-ins wait on the phone, and marks their people. */
  const showUnsent = async () => {
    const waiting = await queued(session.id);
    if (left()) return;
    unsentIds = new Set(waiting.map((each) => each.item.registrationId ?? (each.item.token ?? '').split('_')[1] ?? ''));
    unsentCount.textContent = t('checkIn.unsent', { n: num(waiting.length) });
    unsentBox.hidden = waiting.length === 0;
  };

  /** A check-in made without a network: kept on the phone and shown as made. */
  const keepForLater = async (entry: Entry | null, item: QueuedItem): Promise<boolean> => {
    if (!(await enqueue(session.id, [item]))) return false;
    if (entry) {
      entry.checkedInAt = item.at;
      checkedHere.set(entry.id, item.at);
      keepList();
    }
    await showUnsent();
    void flush();
    return true;
  };

  /** Sends what the phone kept, in batches, and puts the list right with the server's times. */
  async function flush(): Promise<void> {
    if (flushing || left() || !navigator.onLine) return;
    flushing = true;
    let sent = 0;
    let unknown = 0;
    const refused: string[] = [];
    try {
      let waiting = await queued(session.id);
      while (waiting.length > 0) {
        const batch = waiting.slice(0, BATCH);
        waiting = waiting.slice(batch.length);
        let results: ItemResult[];
        try {
          const reply = await call('checkInMany', {
            params: { sessionId: session.id },
            body: { items: batch.map((each) => each.item) },
          });
          results = reply.body.results;
        } catch (error) {
          const status = error instanceof ApiError ? error.status : 0;
          // Not reached, signed out, or busy: kept, and tried again later.
          if (status === 0 || status === 401 || status === 429 || status >= 500) break;
          // Refused as a whole: it can never be recorded as it is; said, and taken off the phone.
          refused.push(...batch.map(() => (error instanceof Error ? error.message : '')));
          await dequeue(batch.map((each) => each.key));
          continue;
        }
        for (const result of results) {
          const entry = people.find((each) => each.entry.id === result.registrationId)?.entry;
          if (result.status === 'UNKNOWN') unknown += 1;
          else sent += 1;
          if (entry && result.checkedInAt) {
            entry.checkedInAt = result.checkedInAt;
            checkedHere.set(entry.id, result.checkedInAt);
          }
        }
        await dequeue(batch.map((each) => each.key));
      }
    } finally {
      flushing = false;
    }
    await showUnsent();
    if (left()) return;
    keepList();
    const said = [
      sent > 0 ? t('checkIn.sent', { n: num(sent) }) : '',
      unknown > 0 ? t('checkIn.sent.unknown', { n: num(unknown) }) : '',
      refused.length > 0 ? t('checkIn.sent.refused', { n: num(refused.length), reason: refused[0] ?? '' }) : '',
    ].filter(Boolean);
    if (said.length > 0) lastDone = said.join(' ');
    draw();
  }

  const announce = (text: string) => {
    lastDone = text;
    search.value = '';
    draw();
    search.focus({ preventScroll: true });
  };

  const row = (person: Person) => {
    const { entry } = person;
    // A tap on the person opens the correction panel: no second button beside "Hadir", so the
    // name and desa keep their width on a phone ("Ubah" beside the name is drawn by the style).
    const item = h(
      'li',
      { class: 'person' },
      h(
        'button',
        {
          type: 'button',
          class: 'who',
          'aria-label': t('correct.openLabel', { name: entry.fullName }),
          onclick: () => void openCorrection(entry),
        },
        h('strong', { 'data-fix': t('correct.open') }, entry.fullName),
        h(
          'span',
          { class: 'meta' },
          `${t(`role.${entry.role}`)} · ${person.unit}`,
          // Desk registrations are the usual case; the others say where they came from.
          entry.source === 'import' || entry.source === 'invitation' ? ` · ${t(`source.${entry.source}`)}` : '',
        ),
      ),
    );
    // The SK Panitia attached through the invitation: a short-lived link, asked for when tapped.
    const sk = entry.sk
      ? h('a', { class: 'sk-link', href: '#', 'aria-label': t('checkIn.sk', { name: entry.fullName }) }, 'SK')
      : null;
    sk?.addEventListener('click', async (event) => {
      event.preventDefault();
      failure.hidden = true;
      try {
        const link = await call('getRegistrationSkLink', {
          params: { sessionId: session.id, registrationId: entry.id },
        });
        location.assign(link.body.url);
      } catch (error) {
        notice(failure, 'error', error instanceof Error ? error.message : t('error.network'));
      }
    });
    if (sk) item.append(sk);
    const slot = h('div', { class: 'action' });
    const button = h(
      'button',
      { type: 'button', class: 'primary check', 'aria-label': t('checkIn.buttonLabel', { name: entry.fullName }) },
      t('checkIn.button'),
    );
    button.addEventListener('click', async () => {
      if (button.disabled) return;
      button.disabled = true;
      failure.hidden = true;
      const later = async () => {
        const at = new Date().toISOString();
        if (await keepForLater(entry, { registrationId: entry.id, at, deviceId: device })) {
          fill(slot, mark(entry));
          announce(t('checkIn.kept', { name: entry.fullName, time: formatTime(at) }));
        } else {
          button.disabled = false;
          notice(failure, 'error', t('error.network'));
        }
      };
      if (!navigator.onLine) return later();
      try {
        const result = await call('checkIn', { params: { sessionId: session.id, registrationId: entry.id } });
        entry.checkedInAt = result.body.checkedInAt;
        checkedHere.set(entry.id, result.body.checkedInAt);
        fill(slot, mark(entry));
        keepList();
        announce(`✓ ${t('checkIn.done', { name: entry.fullName, time: formatTime(result.body.checkedInAt) })}`);
      } catch (error) {
        if (unreachable(error)) return later();
        button.disabled = false;
        notice(failure, 'error', error instanceof Error ? error.message : t('error.network'));
      }
    });
    fill(slot, entry.checkedInAt ? mark(entry) : button);
    item.append(slot);
    return item;
  };

  function draw(): void {
    count();
    const words = searchKey(search.value).split(' ').filter(Boolean);
    const found = words.length ? people.filter((each) => words.every((word) => each.key.includes(word))) : people;
    fill(list, found.slice(0, MAX_ROWS).map(row));
    done.textContent = lastDone;
    // Just after a check-in, the line says who it was; the count can wait for the next search.
    if (lastDone && words.length === 0) shown.textContent = '';
    else if (loading && source !== 'phone')
      shown.textContent = t('checkIn.loading', { loaded: people.length, total: registeredTotal });
    else if (people.length === 0) shown.textContent = t('checkIn.empty');
    else if (found.length === 0) shown.textContent = t('checkIn.none');
    else if (source === 'phone' && words.length === 0)
      shown.textContent = t(loading ? 'checkIn.fromPhone.refreshing' : 'checkIn.fromPhone', {
        time: formatTime(savedAt),
      });
    else if (found.length > MAX_ROWS) shown.textContent = t('checkIn.shown', { shown: MAX_ROWS, total: found.length });
    else shown.textContent = '';
    list.toggleAttribute('aria-busy', loading);
  }

  /** Reads the list from the first page to the last; shown as it comes unless the phone's copy is shown meanwhile. */
  const refresh = async (firstPage: () => void = () => undefined) => {
    loading = true;
    draw();
    const fresh: Entry[] = [];
    let cursor: string | null = null;
    try {
      do {
        const query: { limit: number; cursor?: string } = { limit: cursor ? NEXT_PAGES : FIRST_PAGE };
        if (cursor) query.cursor = cursor;
        const { body: page } = await call('listRegistrations', { params: { sessionId: session.id }, query });
        if (left()) return;
        for (const each of page.items) phones.set(each.id, each.phone);
        fresh.push(...page.items.map(entryOf));
        cursor = page.nextCursor;
        if (source !== 'phone') {
          source = 'server';
          setPeople(fresh);
          draw();
        }
        firstPage();
      } while (cursor);
      source = 'server';
      loading = false;
      setPeople(fresh);
      registeredTotal = people.length;
      keepList();
      failure.hidden = true;
    } finally {
      loading = false;
      if (!left()) draw();
    }
  };

  const reload = h('button', { type: 'button', class: 'secondary' }, t('common.reload'));
  reload.addEventListener('click', async () => {
    if (reload.disabled || loading) return;
    reload.disabled = true;
    try {
      await refresh();
    } catch (error) {
      notice(failure, 'error', error instanceof Error ? error.message : t('error.network'));
    } finally {
      reload.disabled = false;
    }
  });
  search.addEventListener('input', () => {
    lastDone = '';
    draw();
  });

  // With the keyboard open a phone shows little: the search goes to the top of the screen, so
  // the results fill what is left instead of the header.
  const searchBlock = h(
    'div',
    { class: 'field search' },
    h('label', { for: 'check-in-search' }, t('checkIn.search')),
    h('div', { class: 'search-row' }, search, reload),
  );
  const lift = () => {
    if (document.activeElement === search && matchMedia(SMALL_SCREEN).matches) {
      search.scrollIntoView({ block: 'start' });
    }
  };
  search.addEventListener('focus', () => {
    lift();
    setTimeout(lift, 350);
  });
  window.addEventListener('resize', lift);

  const openWalkIn = () => {
    correctionBox.hidden = true;
    const typed = search.value.trim();
    const looksLikeName = typed !== '' && !people.some((each) => each.key.includes(searchKey(typed)));
    const close = h(
      'button',
      {
        type: 'button',
        class: 'secondary',
        onclick: () => {
          walkInPanel.hidden = true;
        },
      },
      t('common.cancel'),
    );
    const { form, focus } = registrationForm({
      session,
      regions,
      memory: 'hadir',
      submitLabel: t('checkIn.walkIn'),
      unitsOnly: user.kecamatanCode !== null,
      name: looksLikeName ? typed : '',
      send: async (body) => {
        const registered = await call('register', { params: { sessionId: session.id }, body });
        const person = registered.body;
        const present = await call('checkIn', { params: { sessionId: session.id, registrationId: person.id } });
        const entry = entryOf({ ...person, checkedInAt: present.body.checkedInAt });
        checkedHere.set(entry.id, present.body.checkedInAt);
        setPeople([...people.filter((each) => each.entry.id !== entry.id).map((each) => each.entry), entry]);
        keepList();
        const said = t(registered.status === 201 ? 'checkIn.walkIn.done' : 'checkIn.walkIn.again', {
          name: person.fullName,
          time: formatTime(present.body.checkedInAt),
        });
        walkInPanel.hidden = true;
        announce(`✓ ${said}`);
        return [h('strong', null, said)];
      },
    });
    fill(walkInPanel, h('h2', null, t('checkIn.walkIn.title')), form, close);
    walkInPanel.hidden = false;
    walkInPanel.scrollIntoView({ block: 'start' });
    focus();
  };
  walkInButton.addEventListener('click', openWalkIn);

  /** Puts the list right after a correction, keeps it on the phone, and says what happened. */
  const corrected = (removedId: string, added: Entry | null, said: string) => {
    const rest = people.map((each) => each.entry).filter((each) => each.id !== removedId);
    const at = checkedHere.get(removedId);
    checkedHere.delete(removedId);
    if (added?.checkedInAt && at) checkedHere.set(added.id, added.checkedInAt);
    setPeople(added ? [...rest, added] : rest);
    registeredTotal = loading ? registeredTotal - (added ? 0 : 1) : people.length;
    keepList();
    correctionBox.hidden = true;
    announce(`✓ ${said}`);
  };

  /** What one scanned QR means at this door: a check-in, someone present already, or a refusal. */
  async function scanned(text: string): Promise<ScanOutcome> {
    const token = TOKEN_IN.exec(text)?.[0];
    if (!token) return { kind: 'bad', title: t('checkIn.scan.notPass') };
    const [sessionId, registrationId] = token.split('_');
    if (sessionId !== session.id) return { kind: 'bad', title: t('checkIn.scan.otherSession') };
    const person = people.find((each) => each.entry.id === registrationId);
    const name = person?.entry.fullName ?? t('checkIn.scan.someone');
    const detail = person ? `${t(`role.${person.entry.role}`)} · ${person.unit}` : undefined;
    if (person?.entry.checkedInAt) {
      return {
        kind: 'already',
        title: t('checkIn.scan.already', { name, time: formatTime(person.entry.checkedInAt) }),
        detail,
      };
    }
    const at = new Date().toISOString();
    const later = async (): Promise<ScanOutcome> => {
      if (!(await keepForLater(person?.entry ?? null, { token, at, deviceId: device }))) {
        return { kind: 'bad', title: t('error.network') };
      }
      draw();
      return { kind: 'ok', title: t('checkIn.kept', { name, time: formatTime(at) }), detail };
    };
    if (!navigator.onLine) return later();
    let result: ItemResult | undefined;
    try {
      const reply = await call('checkInMany', {
        params: { sessionId: session.id },
        body: { items: [{ token, at, deviceId: device }] },
      });
      result = reply.body.results[0];
    } catch (error) {
      if (unreachable(error)) return later();
      return { kind: 'bad', title: error instanceof Error ? error.message : t('error.network') };
    }
    if (!result || result.status === 'UNKNOWN') {
      return { kind: 'bad', title: t(result?.otherSession ? 'checkIn.scan.otherSession' : 'checkIn.scan.unknown') };
    }
    const time = result.checkedInAt ?? at;
    if (person) {
      person.entry.checkedInAt = time;
      checkedHere.set(person.entry.id, time);
      keepList();
    } else {
      // Registered after this list was read: the list is read again to show the name.
      void refresh().catch(() => undefined);
    }
    if (result.status === 'ALREADY') {
      draw();
      return { kind: 'already', title: t('checkIn.scan.already', { name, time: formatTime(time) }), detail };
    }
    lastDone = t('checkIn.scan.done', { name, time: formatTime(time) });
    draw();
    return { kind: 'ok', title: lastDone, detail };
  }

  const closeScanner = () => {
    stopScanner?.();
    stopScanner = null;
    scanPanel.hidden = true;
    scanButton.setAttribute('aria-expanded', 'false');
  };
  scanButton.setAttribute('aria-expanded', 'false');
  scanButton.addEventListener('click', async () => {
    if (stopScanner || scanButton.disabled) return closeScanner();
    scanButton.disabled = true;
    walkInPanel.hidden = true;
    correctionBox.hidden = true;
    try {
      // The camera and the decoder are loaded only when a door keeper asks for them.
      const { openScanner } = await import('./scanner.ts');
      if (left()) return;
      scanPanel.hidden = false;
      scanButton.setAttribute('aria-expanded', 'true');
      scanPanel.scrollIntoView({ block: 'start' });
      stopScanner = await openScanner({ host: scanPanel, handle: scanned, closed: closeScanner });
      if (left()) closeScanner();
    } catch {
      notice(failure, 'error', t('error.network'));
    } finally {
      scanButton.disabled = false;
    }
  });
  sendNow.addEventListener('click', () => void flush());

  async function openCorrection(entry: Entry): Promise<void> {
    walkInPanel.hidden = true;
    // The phone number comes with the server's list; wait for it if the phone's copy is shown.
    if (!phones.has(entry.id)) await loaded.catch(() => undefined);
    let correctionPanel: typeof import('./corrections.ts').correctionPanel;
    try {
      // Used now and then, not at every door: loaded when first asked for, out of the first load.
      ({ correctionPanel } = await import('./corrections.ts'));
    } catch {
      notice(failure, 'error', t('error.network'));
      return;
    }
    if (left()) return;
    fill(
      correctionBox,
      correctionPanel({
        session,
        regions,
        isAdmin: user.isAdmin,
        person: { ...entry, phone: phones.get(entry.id) },
        corrected: (before, after, said) => {
          phones.delete(before.id);
          phones.set(after.id, after.phone);
          corrected(before.id, entryOf(after), said);
        },
        undone: (after, said) => corrected(after.id, entryOf(after), said),
        cancelled: (before, said) => {
          phones.delete(before.id);
          corrected(before.id, null, said);
        },
        close: () => {
          correctionBox.hidden = true;
          search.focus({ preventScroll: true });
        },
      }),
    );
    correctionBox.hidden = false;
    correctionBox.scrollIntoView({ block: 'start' });
    correctionBox.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
  }

  view.append(
    h(
      'div',
      { class: 'check-in' },
      h(
        'div',
        { class: 'door-top' },
        h(
          'div',
          { class: 'counters', role: 'status' },
          h('span', null, presentCount, ` ${t('checkIn.present')}`),
          h('span', { 'aria-hidden': 'true' }, ' / '),
          h('span', null, registeredCount, ` ${t('checkIn.registered')}`),
        ),
        scanButton,
      ),
      unsentBox,
      scanPanel,
      searchBlock,
      failure,
      h('div', { class: 'status-row' }, status, walkInButton),
      walkInPanel,
      correctionBox,
      h('div', { class: 'people-area' }, list),
    ),
  );

  const [kept, waiting] = await Promise.all([loadList(session.id), queued(session.id)]);
  if (left()) return undefined;
  // Check-ins kept on the phone count as made until the server has them.
  for (const each of waiting) {
    const id = each.item.registrationId ?? (each.item.token ?? '').split('_')[1];
    if (id && !checkedHere.has(id)) checkedHere.set(id, each.item.at);
  }
  await showUnsent();
  if (kept) {
    source = 'phone';
    savedAt = kept.savedAt;
    setPeople(kept.entries);
  }
  draw();
  // The page is usable once something is shown: the phone's copy at once, else the first page;
  // the rest of the list comes in behind it.
  let shownFirst: () => void = () => undefined;
  const firstShown = new Promise<void>((resolve) => {
    shownFirst = resolve;
  });
  loaded = refresh(shownFirst);
  if (kept) shownFirst();
  await Promise.race([firstShown, loaded]);
  loaded.catch((error: unknown) => {
    if (!left()) notice(failure, 'error', error instanceof Error ? error.message : t('error.network'));
  });
  // What the phone kept is sent when the network returns, and tried again now and then.
  const sendKept = () => void flush();
  window.addEventListener('online', sendKept);
  const retry = window.setInterval(sendKept, RETRY_MS);
  if (waiting.length > 0) sendKept();
  return () => {
    window.removeEventListener('resize', lift);
    window.removeEventListener('online', sendKept);
    window.clearInterval(retry);
    closeScanner();
  };
};
