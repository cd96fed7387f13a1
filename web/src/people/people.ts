/**
 * Pengguna (admins): everyone who may sign in, as cards a phone shows one under another (name,
 * e-mail, group and kecamatan, status, last sign-in), an invitation form, and per person: resend
 * the invitation, change the group or kecamatan, disable or enable. Whatever takes access away
 * (disabling, an admin made something less) asks first, inline, and may say why for the trail.
 */
import { call } from '../api.ts';
import { fill, h } from '../dom.ts';
import { choices, field, notice, onSubmit, showProblem } from '../forms.ts';
import { formatDateTime, num } from '../lang.ts';
import type { ItemOf } from '../operations.ts';
import { heading, type Page } from '../page.ts';
import { t } from './texts.ts';

type Person = ItemOf<'listUsers'>;
type Group = Person['group'];
const GROUPS: Group[] = ['admin', 'organizer', 'kecamatan'];

const groupLabel = (group: Group) =>
  t(
    group === 'admin'
      ? 'people.group.admin'
      : group === 'organizer'
        ? 'people.group.organizer'
        : 'people.group.kecamatan',
  );

/** A select of the regency's kecamatan, by name. */
function kecamatanSelect(kecamatan: Array<{ code: string; name: string }>, selected: string | null): HTMLSelectElement {
  return h(
    'select',
    { required: true },
    h('option', { value: '' }, t('people.kecamatan.choose')),
    kecamatan.map((each) =>
      h('option', { value: each.code, selected: each.code === selected }, `${each.name} (${each.code})`),
    ),
  );
}

/** Group radios and, for the kecamatan group, the kecamatan: shown only when it applies. */
function groupFields(
  name: string,
  initial: Group,
  kecamatan: Array<{ code: string; name: string }>,
  initialKecamatan: string | null,
) {
  let group = initial;
  const select = kecamatanSelect(kecamatan, initialKecamatan);
  const kecamatanField = field('kecamatanCode', t('people.kecamatan'), select);
  kecamatanField.hidden = group !== 'kecamatan';
  const radios = choices(
    name,
    t('people.group'),
    GROUPS.map((value) => ({ value, label: groupLabel(value) })),
    group,
    (value) => {
      group = value as Group;
      kecamatanField.hidden = group !== 'kecamatan';
    },
  );
  radios.dataset.field = 'group';
  return {
    nodes: [radios, kecamatanField],
    value: () => ({ group, kecamatanCode: group === 'kecamatan' ? select.value || undefined : undefined }),
  };
}

/** Asks before access is taken away; `yes` runs the change, `no` puts the card back. */
function confirmStep(
  question: string,
  label: string,
  yes: (reason: string) => Promise<void>,
  no: () => void,
  reasonLabel = t('people.reason'),
): HTMLElement {
  const reason = h('input', { type: 'text', maxlength: 300 });
  const go = h('button', { type: 'button', class: 'primary danger' }, label);
  const back = h('button', { type: 'button' }, t('people.cancel'));
  const box = h('div', { hidden: true });
  const step = h(
    'div',
    { class: 'confirm-step', role: 'alertdialog', 'aria-label': question },
    h('p', { class: 'confirm-title' }, question),
    field('reason', reasonLabel, reason),
    box,
    h('div', { class: 'button-row' }, go, back),
  );
  go.addEventListener('click', async () => {
    go.disabled = true;
    try {
      await yes(reason.value.trim());
    } catch (error) {
      go.disabled = false;
      showProblem(step, box, error);
    }
  });
  back.addEventListener('click', no);
  return step;
}

export const peoplePage: Page = async ({ view, user, left }) => {
  const [people, regions] = await Promise.all([call('listUsers'), call('getRegions')]);
  if (left()) return undefined;
  const kecamatan = regions.body.kecamatan;
  const kecamatanName = new Map(kecamatan.map((each) => [each.code, each.name]));
  const me = (
    JSON.parse(atob((user.token.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/'))) as { sub?: string }
  ).sub;
  const pageBox = h('div', { hidden: true });
  const list = h('ul', { class: 'account-list' });
  const count = h('p', { class: 'meta' });
  let items: Person[] = people.body.items;

  const draw = () => {
    count.textContent = t('people.count', { n: num(items.length) });
    fill(list, items.map(card));
  };
  // An account made anew (a new MFA device) comes back with a new id: it takes the old one's place.
  const replace = (next: Person, id = next.id) => {
    items = items.map((each) => (each.id === id ? next : each));
    draw();
  };

  function card(person: Person): HTMLElement {
    const status = !person.enabled ? 'disabled' : person.status;
    const slot = h('div', { class: 'account-actions' });
    const box = h('div', { hidden: true, role: 'status' });
    const done = (message: string, next: Person) => {
      replace(next, person.id);
      notice(pageBox, 'ok', message);
      pageBox.scrollIntoView({ block: 'nearest' });
    };
    const buttons = () => {
      const change = h('button', { type: 'button' }, t('people.change'));
      const toggle = h(
        'button',
        { type: 'button', class: person.enabled ? 'danger-outline' : '' },
        t(person.enabled ? 'people.disable' : 'people.enable'),
      );
      const resend =
        person.enabled && person.status === 'invited' ? h('button', { type: 'button' }, t('people.resend')) : null;
      // One's own device is reset by another admin (the API refuses it too).
      const mfa =
        person.enabled && person.id !== me
          ? h('button', { type: 'button', class: 'danger-outline' }, t('people.mfa'))
          : null;
      mfa?.addEventListener('click', () =>
        fill(
          slot,
          confirmStep(
            t('people.confirm.mfa', { name: person.name, email: person.email }),
            t('people.confirm.mfa.yes'),
            async (reason) => {
              const reply = await call('resetMfa', { params: { userId: person.id }, body: { reason } });
              done(t('people.mfaReset', { name: person.name }), reply.body);
            },
            () => fill(slot, buttons()),
            t('people.reason.required'),
          ),
        ),
      );
      change.addEventListener('click', () => fill(slot, changeForm()));
      toggle.addEventListener('click', async () => {
        if (!person.enabled) {
          toggle.disabled = true;
          try {
            const reply = await call('updateUser', { params: { userId: person.id }, body: { enabled: true } });
            done(t('people.enabled', { name: person.name }), reply.body);
          } catch (error) {
            toggle.disabled = false;
            showProblem(slot, box, error);
          }
          return;
        }
        fill(
          slot,
          confirmStep(
            t('people.confirm.disable', { name: person.name }),
            t('people.disable'),
            async (reason) => {
              const reply = await call('updateUser', {
                params: { userId: person.id },
                body: { enabled: false, ...(reason ? { reason } : {}) },
              });
              done(t('people.disabled', { name: person.name }), reply.body);
            },
            () => fill(slot, buttons()),
          ),
        );
      });
      resend?.addEventListener('click', async () => {
        resend.disabled = true;
        try {
          const reply = await call('resendInvitation', { params: { userId: person.id } });
          done(t('people.resent', { name: person.name }), reply.body);
        } catch (error) {
          resend.disabled = false;
          showProblem(slot, box, error);
        }
      });
      return h('div', { class: 'button-row' }, change, resend, mfa, toggle);
    };
    const changeForm = () => {
      const fields = groupFields(`group-${person.id}`, person.group, kecamatan, person.kecamatanCode);
      const save = h('button', { type: 'submit', class: 'primary' }, t('people.save'));
      const cancel = h('button', { type: 'button' }, t('people.cancel'));
      const formBox = h('div', { hidden: true });
      const form = h(
        'form',
        { class: 'account-change', novalidate: true },
        ...fields.nodes,
        formBox,
        h('div', { class: 'button-row' }, save, cancel),
      );
      cancel.addEventListener('click', () => fill(slot, buttons()));
      const send = async (reason?: string) => {
        const { group, kecamatanCode } = fields.value();
        const reply = await call('updateUser', {
          params: { userId: person.id },
          body: { group, kecamatanCode: kecamatanCode ?? null, ...(reason ? { reason } : {}) },
        });
        done(t('people.changed', { name: person.name }), reply.body);
      };
      onSubmit(form, save, formBox, async () => {
        const { group } = fields.value();
        // An admin made something less loses access: ask first.
        if (person.group === 'admin' && group !== 'admin') {
          fill(
            slot,
            confirmStep(
              t('people.confirm.demote', { name: person.name, group: groupLabel(group) }),
              t('people.confirm.yes'),
              (reason) => send(reason),
              () => fill(slot, buttons()),
            ),
          );
          return;
        }
        await send();
      });
      return form;
    };
    fill(slot, buttons());
    return h(
      'li',
      { class: 'account', 'data-status': status },
      h(
        'div',
        { class: 'account-head' },
        h('strong', { class: 'account-name' }, person.name, person.id === me ? ` ${t('people.you')}` : ''),
        h('span', { class: `badge status-${status}` }, t(`people.status.${status}`)),
      ),
      h('p', { class: 'account-email' }, person.email),
      h(
        'p',
        { class: 'meta' },
        person.kecamatanCode
          ? t('people.ofKecamatan', { name: kecamatanName.get(person.kecamatanCode) ?? person.kecamatanCode })
          : groupLabel(person.group),
      ),
      h(
        'p',
        { class: 'meta' },
        person.lastSignInAt
          ? t('people.lastSignIn', { when: formatDateTime(person.lastSignInAt) })
          : t('people.neverSignedIn'),
      ),
      box,
      slot,
    );
  }

  // The invitation form.
  const name = h('input', { type: 'text', required: true, maxlength: 120, autocomplete: 'off' });
  const email = h('input', { type: 'email', required: true, maxlength: 254, autocomplete: 'off', inputmode: 'email' });
  const fields = groupFields('group-new', 'organizer', kecamatan, null);
  const submit = h('button', { type: 'submit', class: 'primary' }, t('people.send'));
  const inviteBox = h('div', { hidden: true });
  const form = h(
    'form',
    { class: 'panel invite', novalidate: true },
    heading(t('people.invite'), 'h2'),
    inviteBox,
    field('name', t('people.name'), name),
    field('email', t('people.email'), email, t('people.email.hint')),
    ...fields.nodes,
    submit,
  );
  onSubmit(form, submit, inviteBox, async () => {
    const { group, kecamatanCode } = fields.value();
    const reply = await call('inviteUser', {
      body: { name: name.value, email: email.value, group, ...(kecamatanCode ? { kecamatanCode } : {}) },
    });
    items = [...items, reply.body].sort((a, b) => a.name.localeCompare(b.name, 'id'));
    draw();
    name.value = '';
    email.value = '';
    notice(inviteBox, 'ok', t('people.invited', { name: reply.body.name }));
  });

  draw();
  view.append(heading(t('people.title')), h('p', { class: 'hint' }, t('people.intro')), count, pageBox, list, form);
  return undefined;
};
