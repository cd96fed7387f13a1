/**
 * The audit trail as a readable list, newest first, paged with "Muat lebih banyak": each entry's
 * time, its short name, and a sentence in the page language that tells it: who did it (by name, a
 * desa by its name), to whom or what (a participant by name, role and desa; goods by name), and
 * what changed (before → after). Internal labels and ids never reach the page.
 */
import type { Role } from '#shared/sessions/rules/roles.ts';
import { call } from '../api.ts';
import { fill, h } from '../dom.ts';
import { notice } from '../forms.ts';
import { formatDate, formatDateTime, formatList, formatTime, num } from '../lang.ts';
import type { RequestOf } from '../operations.ts';
import type { RegionIndex } from '../regions/lookup.ts';
import type { AuditEntry } from '../types.ts';
import { has, t } from './texts.ts';

export interface AuditContext {
  regions: RegionIndex;
  /** Names for ids the entries point at (registrations in a session trail). */
  names?: Map<string, string>;
}

type Loose = Record<string, unknown>;
interface ItemName {
  name: string;
  unit: string;
}

/** What a page of entries needs to be told in words, filled as pages arrive. */
interface Known {
  people: Map<string, string>;
  items: Map<string, ItemName>;
}

const ROLE_BY_CODE: Record<string, Role> = {
  KT: 'KETUA_PANITIA',
  SK: 'SEKRETARIS_PANITIA',
  AG: 'ANGGOTA_PANITIA',
  KS: 'KASI_PEMERINTAHAN',
  PW: 'PENGAWAS',
  BP: 'BPD',
  CM: 'CAMAT',
  IN: 'INSTANSI',
};
const REGISTRATION_ID = /^(KT|SK|AG|KS|PW|BP|CM|IN)-(\d{2}\.\d{2}\.\d{2}(?:\.\d{4})?)?/;
const COUNTS = ['good', 'minorDamage', 'majorDamage', 'missing'] as const;
/** Fields a change names, in the order a sentence lists them. */
const FIELDS = [
  'fullName',
  'role',
  'villageCode',
  'kecamatanCode',
  'phone',
  'title',
  'date',
  'venue',
  'capacity',
  'name',
  'unit',
  'note',
  'checkedInAt',
] as const;

const record = (value: unknown): Loose => (value !== null && typeof value === 'object' ? (value as Loose) : {});
const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
const count = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const list = (value: unknown): Loose[] => (Array.isArray(value) ? value.map(record) : []);

let catalogue: Promise<Map<string, ItemName>> | null = null;
/** The catalogue's names, fetched once and only when an entry names goods by code. */
function itemNames(): Promise<Map<string, ItemName>> {
  catalogue ??= call('listItems')
    .then(({ body }) => new Map(body.items.map((item) => [item.code, { name: item.name, unit: item.unit }])))
    .catch(() => {
      catalogue = null;
      return new Map<string, ItemName>();
    });
  return catalogue;
}

/** Tells entries in words; `known` grows with every page read. */
function teller(context: AuditContext, known: Known) {
  const { regions } = context;
  const village = (code: unknown) => t('unit.village', { name: regions.villageName(text(code)) });
  const kecamatan = (code: unknown) => t('unit.kecamatan', { name: regions.kecamatanName(text(code)) });
  const item = (code: unknown) => known.items.get(text(code))?.name ?? text(code);

  const actor = (entry: AuditEntry) => {
    if (entry.actor.type === 'village') return village(entry.actor.villageCode);
    return entry.actor.name && entry.actor.name !== '-' ? entry.actor.name : t('audit.system');
  };

  /** A participant by name, role and desa (or kecamatan), from the record or from the id itself. */
  const person = (entry: AuditEntry) => {
    const stored = { ...record(entry.before), ...record(entry.after) };
    const parsed = REGISTRATION_ID.exec(entry.entityId);
    const role = (text(stored.role) || (parsed ? ROLE_BY_CODE[parsed[1] ?? ''] : '')) as Role | '';
    const unitCode = text(stored.villageCode) || text(stored.kecamatanCode) || parsed?.[2] || '';
    const unit = !unitCode
      ? text(stored.organization)
      : unitCode.split('.').length === 4
        ? village(unitCode)
        : kecamatan(unitCode);
    const name = text(stored.fullName) || known.people.get(entry.entityId) || context.names?.get(entry.entityId);
    return { name: name || t('audit.person'), role: role ? t(`role.${role}`) : '', unit };
  };

  const value = (field: string, raw: unknown): string => {
    if (raw === null || raw === undefined || raw === '') return '—';
    if (field === 'role') return t(`role.${text(raw) as Role}`);
    if (field === 'villageCode') return regions.villageName(text(raw));
    if (field === 'kecamatanCode') return regions.kecamatanName(text(raw));
    if (field === 'date') return formatDate(text(raw));
    if (field === 'checkedInAt') return formatDateTime(text(raw));
    if (typeof raw === 'number') return num(raw);
    return text(raw) || JSON.stringify(raw);
  };

  /** "nama A → Juproni; peran Anggota Panitia → Ketua Panitia", for the fields that changed. */
  const changes = (before: unknown, after: unknown): string => {
    const was = record(before);
    const now = record(after);
    const changed = FIELDS.filter(
      (field) => (field in was || field in now) && JSON.stringify(was[field]) !== JSON.stringify(now[field]),
    ).map((field) =>
      t('audit.change', {
        field: t(`audit.field.${field}`),
        before: value(field, was[field]),
        after: value(field, now[field]),
      }),
    );
    return changed.length ? changed.join('; ') : t('audit.nothingChanged');
  };

  /** Quantities per item code: "Lem perekat 5 → 7". */
  const quantityChanges = (before: unknown, after: unknown): string => {
    const was = record(before);
    const now = record(after);
    const codes = [...new Set([...Object.keys(was), ...Object.keys(now)])];
    const changed = codes
      .filter((code) => count(was[code]) !== count(now[code]))
      .map((code) =>
        t('audit.change', { field: item(code), before: num(count(was[code])), after: num(count(now[code])) }),
      );
    return changed.length ? changed.join('; ') : t('audit.nothingChanged');
  };

  /** What a receipt reports short: "Surat suara 20 hilang, 5 rusak ringan". */
  const problems = (lines: Loose[]): string =>
    lines
      .map((line) => {
        const found = (['missing', 'minorDamage', 'majorDamage'] as const)
          .filter((name) => count(line[name]) > 0)
          .map((name) => t(`audit.problem.${name}`, { n: count(line[name]) }));
        return found.length ? t('audit.lineProblems', { item: item(line.itemCode), problems: found.join(', ') }) : '';
      })
      .filter(Boolean)
      .join('; ');

  /** A correction per line and count: "Surat suara baik 1.606 → 1.626, hilang 20 → 0". */
  const receiptChanges = (before: unknown, after: unknown): string => {
    const was = new Map(list(record(before).lines).map((line) => [text(line.itemCode), line]));
    const changed = list(record(after).lines)
      .map((line) => {
        const old = was.get(text(line.itemCode)) ?? {};
        const counts = COUNTS.filter((name) => count(old[name]) !== count(line[name])).map((name) =>
          t('audit.change', {
            field: t(`audit.count.${name}`),
            before: num(count(old[name])),
            after: num(count(line[name])),
          }),
        );
        return counts.length ? t('audit.lineProblems', { item: item(line.itemCode), problems: counts.join(', ') }) : '';
      })
      .filter(Boolean);
    const noteBefore = text(record(before).note);
    const noteAfter = text(record(after).note);
    if (noteBefore !== noteAfter)
      changed.push(
        t('audit.change', { field: t('audit.field.note'), before: noteBefore || '—', after: noteAfter || '—' }),
      );
    return changed.length ? changed.join('; ') : t('audit.nothingChanged');
  };

  /** The entry's sentence. */
  return (entry: AuditEntry): string => {
    const who = actor(entry);
    const after = record(entry.after);
    const before = record(entry.before);
    const reason = text(after.reason);
    const withReason = (sentence: string) => (reason ? `${sentence} ${t('audit.reason', { reason })}` : sentence);
    switch (entry.action) {
      case 'session.created':
        return t('audit.s.session.created', {
          actor: who,
          title: text(after.title),
          date: value('date', after.date),
          venue: text(after.venue),
        });
      case 'session.updated':
        return withReason(t('audit.s.session.updated', { actor: who, changes: changes(before, after) }));
      case 'registration.created':
      case 'registration.cancelled':
      case 'registration.checkInUndone':
        return withReason(t(`audit.s.${entry.action}`, { actor: who, ...person(entry) }));
      case 'registration.checkedIn':
        return t('audit.s.registration.checkedIn', {
          actor: who,
          ...person(entry),
          time: after.checkedInAt ? formatTime(text(after.checkedInAt)) : '—',
        });
      case 'registration.updated':
        return withReason(
          t('audit.s.registration.updated', { actor: who, name: person(entry).name, changes: changes(before, after) }),
        );
      case 'registrations.imported':
        return t('audit.s.registrations.imported', { actor: who, n: list(after.created).length });
      case 'item.created':
        return t('audit.s.item.created', { actor: who, name: text(after.name), unit: text(after.unit) });
      case 'item.updated':
        return t('audit.s.item.updated', {
          actor: who,
          code: text(before.name) || entry.entityId,
          changes: changes(before, after),
        });
      case 'allocation.set':
        return t('audit.s.allocation.set', {
          actor: who,
          unit: village(entry.villageCode ?? entry.entityId),
          changes: quantityChanges(entry.before, entry.after),
        });
      case 'allocation.formulaApplied':
        return t('audit.s.allocation.formulaApplied', { actor: who, n: count(after.villages) });
      case 'shipment.created':
      case 'shipment.replacementCreated': {
        const lines = formatList(
          list(after.lines).map((line) =>
            t('audit.quantity', {
              item: text(line.name) || item(line.itemCode),
              quantity: num(count(line.quantity)),
              unit: text(line.unit),
            }).trim(),
          ),
        );
        const sentence = t(`audit.s.${entry.action}`, {
          actor: who,
          unit: village(after.villageCode ?? entry.villageCode),
          bast: text(after.bastNumber),
          lines,
        });
        const over = text(record(after.overAllocation).reason);
        return over ? `${sentence} ${t('audit.s.shipment.over', { reason: over })}` : sentence;
      }
      case 'shipment.replaced': {
        const sent = Object.entries(record(after.lines)).map(([code, quantity]) =>
          t('audit.quantity', {
            item: item(code),
            quantity: num(count(quantity)),
            unit: '',
          }).trim(),
        );
        return withReason(t('audit.s.shipment.replaced', { actor: who, lines: formatList(sent) }));
      }
      case 'wave.created':
        return t('audit.s.wave.created', {
          actor: who,
          name: text(after.name),
          date: after.votingDay ? formatDate(text(after.votingDay)) : '—',
          villages: num(count(after.villageCodes)),
        });
      case 'wave.updated':
        return withReason(t('audit.s.wave.updated', { actor: who, changes: changes(before, after) }));
      case 'wave.stagesReplaced':
        return withReason(t('audit.s.wave.stagesReplaced', { actor: who, n: list(after.stages).length }));
      case 'wave.deleted':
        return withReason(t('audit.s.wave.deleted', { actor: who, name: text(before.name) }));
      case 'problem.opened':
        return t('audit.s.problem.opened', {
          actor: who,
          category: worded(`audit.category.${text(after.category)}`, text(after.category)),
          severity: worded(`audit.severity.${text(after.severity)}`, text(after.severity)),
          unit: village(after.villageCode ?? entry.villageCode),
          description: text(after.description),
        });
      case 'problem.updated':
        return withReason(t('audit.s.problem.updated', { actor: who, changes: changes(before, after) }));
      case 'problem.resolved':
        return t('audit.s.problem.resolved', {
          actor: who,
          unit: village(after.villageCode ?? entry.villageCode),
          resolution: text(after.resolution),
        });
      case 'problem.reopened':
        return withReason(
          t('audit.s.problem.reopened', { actor: who, unit: village(after.villageCode ?? entry.villageCode) }),
        );
      case 'shipment.receiptCodeReplaced':
        return t('audit.s.shipment.receiptCodeReplaced', { actor: who });
      case 'receipt.confirmed': {
        const name = text(record(after.receivedBy).name);
        return after.discrepancy
          ? t('audit.s.receipt.discrepancy', { actor: who, name, problems: problems(list(after.lines)) })
          : t('audit.s.receipt.confirmed', { actor: who, name });
      }
      case 'receipt.corrected':
        return t('audit.s.receipt.corrected', {
          actor: who,
          from: count(before.version),
          to: count(after.version),
          changes: receiptChanges(before, after),
          reason: text(record(after.correctedBy).reason) || '—',
        });
      case 'document.requested':
        return t('audit.s.document.requested', {
          actor: who,
          file: text(after.fileName),
          size: t('audit.kb', { n: Math.max(1, Math.ceil(count(after.size) / 1024)) }),
        });
      case 'document.verified':
        return t('audit.s.document.verified', { actor: who, file: text(after.fileName) });
      case 'document.rejected':
        return t('audit.s.document.rejected', { actor: who, file: text(after.fileName), reason: reason || '—' });
      case 'regions.imported': {
        const size = (value: unknown) => (Array.isArray(value) ? value.length : 0);
        return t('audit.s.regions.imported', {
          actor: who,
          kecamatan: size(after.kecamatan),
          villages: size(after.villages),
        });
      }
      default: {
        const changed = changes(before, after);
        return withReason(
          changed === t('audit.nothingChanged')
            ? t('audit.s.unknown', { actor: who })
            : t('audit.s.unknownChanges', { actor: who, changes: changed }),
        );
      }
    }
  };
}

/** A word the trail has for a stored value, or the value as it is. */
function worded(key: string, fallback: string): string {
  return has(key) ? t(key) : fallback;
}

function label(action: string): string {
  const key = `audit.action.${action}`;
  return has(key) ? t(key) : t('audit.action.unknown');
}

/** Which trail: one session, shipment or desa, or a regency-wide one (`trail: 'regions'`). */
export type Trail = Pick<
  NonNullable<RequestOf<'listAudit'>['query']>,
  'sessionId' | 'shipmentId' | 'waveId' | 'villageCode' | 'trail'
>;

/** Entries that name goods by their code only (their names come from the catalogue). */
const NAMES_GOODS = new Set(['allocation.set', 'receipt.confirmed', 'receipt.corrected']);

/** A trail as a list, paged by "Muat lebih banyak"; answered at once, filled when the first page arrives. */
export function auditTrail(trail: Trail, context: AuditContext, title = t('audit.title')): HTMLElement {
  const shown = h('ol', { class: 'audit' });
  const more = h('button', { type: 'button', class: 'secondary', hidden: true }, t('common.more'));
  const box = h('div', { hidden: true });
  const known: Known = { people: new Map(), items: new Map() };
  const tell = teller(context, known);
  let cursor: string | null = null;
  const load = async () => {
    more.disabled = true;
    try {
      const { body: page } = await call('listAudit', { query: { ...trail, limit: 50, cursor: cursor ?? undefined } });
      for (const entry of page.items) {
        const after = record(entry.after);
        if (entry.action === 'registration.created' && text(after.fullName))
          known.people.set(entry.entityId, text(after.fullName));
        if (entry.action === 'shipment.created')
          for (const line of list(after.lines))
            known.items.set(text(line.itemCode), { name: text(line.name), unit: text(line.unit) });
      }
      if (page.items.some((entry) => NAMES_GOODS.has(entry.action))) {
        for (const [code, name] of await itemNames()) if (!known.items.has(code)) known.items.set(code, name);
      }
      shown.append(
        ...page.items.map((entry) =>
          h(
            'li',
            { class: 'audit-entry', 'data-action': entry.action },
            h('time', { datetime: entry.at }, formatDateTime(entry.at)),
            h('strong', null, label(entry.action)),
            h('span', { class: 'audit-sentence' }, tell(entry)),
          ),
        ),
      );
      cursor = page.nextCursor;
      more.hidden = !cursor;
      if (shown.childElementCount === 0) fill(shown, h('li', { class: 'meta' }, t('audit.empty')));
    } catch (error) {
      notice(box, 'error', error instanceof Error ? error.message : t('error.network'));
    } finally {
      more.disabled = false;
    }
  };
  more.addEventListener('click', () => void load());
  void load();
  return h('section', { class: 'audit-trail' }, h('h2', null, title), box, shown, more);
}
