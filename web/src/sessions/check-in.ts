/**
 * Check-in at the door, on a phone: find the person by name, desa or kecamatan, tap "Hadir", see
 * the time. A second tap (or a colleague's phone) is harmless: the API keeps the first time.
 */
import { roles } from '#shared/sessions/rules/roles.ts';
import { call, everyPage } from '../api.ts';
import { fill, h, searchKey } from '../dom.ts';
import { notice } from '../forms.ts';
import { formatTime, num } from '../lang.ts';
import type { Registration } from '../types.ts';
import type { SessionPage } from './session.ts';
import { t } from './texts.ts';

/** Rows drawn at once: plenty for a search result, light for a cheap phone. */
const MAX_ROWS = 60;

interface Person {
  registration: Registration;
  unit: string;
  /** Search text: name, desa and kecamatan without accents or punctuation. */
  key: string;
  /** Kecamatan, then desa: a desa's delegation side by side, as they usually arrive. */
  place: [kecamatan: string, village: string];
}

export const checkInPage: SessionPage = async ({ view, session, regions, left }) => {
  const people: Person[] = [];
  const presentCount = h('strong', null, '0');
  const registeredCount = h('strong', null, '0');
  const search = h('input', {
    type: 'search',
    id: 'check-in-search',
    autocomplete: 'off',
    autocapitalize: 'none',
    spellcheck: 'false',
    enterkeyhint: 'search',
  });
  const list = h('ul', { class: 'people' });
  const status = h('p', { class: 'meta', 'aria-live': 'polite' });
  const failure = h('div', { hidden: true });

  const count = () => {
    presentCount.textContent = num(people.filter((each) => each.registration.checkedInAt).length);
    registeredCount.textContent = num(people.length);
  };

  const mark = (person: Person) => {
    const at = person.registration.checkedInAt;
    return at ? h('span', { class: 'present' }, `✓ ${t('checkIn.at', { time: formatTime(at) })}`) : null;
  };

  const row = (person: Person) => {
    const { registration } = person;
    const item = h(
      'li',
      { class: 'person' },
      h(
        'div',
        { class: 'who' },
        h('strong', null, registration.fullName),
        h('span', { class: 'meta' }, `${t(`role.${registration.role}`)} · ${person.unit}`),
      ),
    );
    const slot = h('div', { class: 'action' });
    const button = h(
      'button',
      {
        type: 'button',
        class: 'primary check',
        'aria-label': t('checkIn.buttonLabel', { name: registration.fullName }),
      },
      t('checkIn.button'),
    );
    button.addEventListener('click', async () => {
      if (button.disabled) return;
      button.disabled = true;
      failure.hidden = true;
      try {
        const result = await call('checkIn', {
          params: { sessionId: session.id, registrationId: registration.id },
        });
        registration.checkedInAt = result.body.checkedInAt;
        fill(slot, mark(person));
        count();
      } catch (error) {
        button.disabled = false;
        notice(failure, 'error', error instanceof Error ? error.message : t('error.network'));
      }
    });
    fill(slot, registration.checkedInAt ? mark(person) : button);
    item.append(slot);
    return item;
  };

  const draw = () => {
    const words = searchKey(search.value).split(' ').filter(Boolean);
    const found = words.length ? people.filter((each) => words.every((word) => each.key.includes(word))) : people;
    fill(list, found.slice(0, MAX_ROWS).map(row));
    if (people.length === 0) status.textContent = t('checkIn.empty');
    else if (found.length === 0) status.textContent = t('checkIn.none');
    else if (found.length > MAX_ROWS) status.textContent = t('checkIn.shown', { shown: MAX_ROWS, total: found.length });
    else status.textContent = '';
  };

  const load = async () => {
    const loaded = await everyPage('listRegistrations', { params: { sessionId: session.id } }, left);
    const order = (role: Registration['role']) => roles.indexOf(role);
    people.length = 0;
    for (const registration of loaded) {
      const kecamatan = regions.kecamatanName(registration.kecamatanCode);
      const village = registration.villageCode ? regions.villageName(registration.villageCode) : '';
      const unit = village
        ? `${t('unit.village', { name: village })}, ${t('unit.kecamatan', { name: kecamatan })}`
        : t('unit.kecamatan', { name: kecamatan });
      people.push({
        registration,
        unit,
        key: searchKey(`${registration.fullName} ${village} ${kecamatan}`),
        place: [kecamatan, village],
      });
    }
    people.sort(
      (a, b) =>
        a.place[0].localeCompare(b.place[0], 'id') ||
        a.place[1].localeCompare(b.place[1], 'id') ||
        order(a.registration.role) - order(b.registration.role) ||
        a.registration.fullName.localeCompare(b.registration.fullName, 'id'),
    );
    count();
    draw();
  };

  const reload = h('button', { type: 'button', class: 'secondary' }, t('common.reload'));
  reload.addEventListener('click', async () => {
    reload.disabled = true;
    try {
      await load();
    } catch (error) {
      notice(failure, 'error', error instanceof Error ? error.message : t('error.network'));
    } finally {
      reload.disabled = false;
    }
  });
  search.addEventListener('input', draw);

  view.append(
    h(
      'div',
      { class: 'counters', role: 'status' },
      h('span', null, presentCount, ` ${t('checkIn.present')}`),
      h('span', { 'aria-hidden': 'true' }, ' / '),
      h('span', null, registeredCount, ` ${t('checkIn.registered')}`),
    ),
    h(
      'div',
      { class: 'field search' },
      h('label', { for: 'check-in-search' }, t('checkIn.search')),
      h('div', { class: 'search-row' }, search, reload),
    ),
    failure,
    status,
    list,
  );
  await load();
  return undefined;
};
