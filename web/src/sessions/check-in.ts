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
 */
import { roles } from '#shared/sessions/rules/roles.ts';
import { call } from '../api.ts';
import { fill, h, searchKey } from '../dom.ts';
import { notice } from '../forms.ts';
import { formatTime, num } from '../lang.ts';
import { type Entry, loadList, saveList } from './check-in-cache.ts';
import { registrationForm } from './registration-form.ts';
import type { SessionPage } from './session.ts';
import { t } from './texts.ts';

/** Rows drawn at once: plenty for a search result, light for a cheap phone. */
const MAX_ROWS = 60;
/** The first page is small so it arrives quickly on a weak signal; the rest come in large pages. */
const FIRST_PAGE = 200;
const NEXT_PAGES = 1000;
const SMALL_SCREEN = '(max-width: 40rem)';

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
  const list = h('ul', { class: 'people', 'aria-label': t('checkIn.list') });
  const done = h('span', { class: 'done' });
  const shown = h('span', { class: 'shown' });
  const status = h('p', { class: 'meta check-in-status', 'aria-live': 'polite' }, done, shown);
  const failure = h('div', { hidden: true });
  const walkInButton = h('button', { type: 'button', class: 'link-button walk-in' }, `+ ${t('checkIn.walkIn')}`);
  const walkInPanel = h('section', { class: 'panel walk-in-panel', hidden: true });
  const correctionBox = h('section', { class: 'panel correction-panel', hidden: true });

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
      ? h('span', { class: 'present' }, `✓ ${t('checkIn.at', { time: formatTime(entry.checkedInAt) })}`)
      : null;

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
        h('span', { class: 'meta' }, `${t(`role.${entry.role}`)} · ${person.unit}`),
      ),
    );
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
      try {
        const result = await call('checkIn', { params: { sessionId: session.id, registrationId: entry.id } });
        entry.checkedInAt = result.body.checkedInAt;
        checkedHere.set(entry.id, result.body.checkedInAt);
        fill(slot, mark(entry));
        saveList(
          session.id,
          people.map((each) => each.entry),
        );
        announce(`✓ ${t('checkIn.done', { name: entry.fullName, time: formatTime(result.body.checkedInAt) })}`);
      } catch (error) {
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
      saveList(
        session.id,
        people.map((each) => each.entry),
      );
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
      name: looksLikeName ? typed : '',
      send: async (body) => {
        const registered = await call('register', { params: { sessionId: session.id }, body });
        const person = registered.body;
        const present = await call('checkIn', { params: { sessionId: session.id, registrationId: person.id } });
        const entry = entryOf({ ...person, checkedInAt: present.body.checkedInAt });
        checkedHere.set(entry.id, present.body.checkedInAt);
        setPeople([...people.filter((each) => each.entry.id !== entry.id).map((each) => each.entry), entry]);
        saveList(
          session.id,
          people.map((each) => each.entry),
        );
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
    saveList(
      session.id,
      people.map((each) => each.entry),
    );
    correctionBox.hidden = true;
    announce(`✓ ${said}`);
  };

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
        { class: 'counters', role: 'status' },
        h('span', null, presentCount, ` ${t('checkIn.present')}`),
        h('span', { 'aria-hidden': 'true' }, ' / '),
        h('span', null, registeredCount, ` ${t('checkIn.registered')}`),
      ),
      searchBlock,
      failure,
      h('div', { class: 'status-row' }, status, walkInButton),
      walkInPanel,
      correctionBox,
      h('div', { class: 'people-area' }, list),
    ),
  );

  const kept = loadList(session.id);
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
  return () => window.removeEventListener('resize', lift);
};
