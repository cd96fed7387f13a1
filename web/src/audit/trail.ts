/**
 * The audit trail as a readable list: when, what, by whom, and the one detail that matters for
 * each kind of change (a participant's name, a BAST number, a correction's reason). Newest first,
 * paged with "Muat lebih banyak".
 */
import type { Role } from '#shared/sessions/rules/roles.ts';
import { call } from '../api.ts';
import { fill, h } from '../dom.ts';
import { notice } from '../forms.ts';
import { formatDateTime } from '../lang.ts';
import type { RequestOf } from '../operations.ts';
import type { RegionIndex } from '../regions/lookup.ts';
import type { AuditEntry } from '../types.ts';
import { has, t } from './texts.ts';

/** Reads a nested value from an audit entry's before/after, whatever its shape. */
function pick(value: unknown, path: string): unknown {
  let current = value;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

export interface AuditContext {
  regions: RegionIndex;
  /** Names for ids the entries point at (registrations in a session trail). */
  names?: Map<string, string>;
}

function actionLabel(action: string): string {
  const key = `audit.action.${action}`;
  return has(key) ? t(key) : action;
}

function detail(entry: AuditEntry, context: AuditContext): string {
  const { after, before } = entry;
  const village = (code: unknown) => (typeof code === 'string' ? context.regions.villageName(code) : '');
  switch (entry.action) {
    case 'registration.created':
    case 'registration.cancelled': {
      const record = entry.action === 'registration.created' ? after : before;
      const role = text(pick(record, 'role'));
      const roleName = role ? t(`role.${role as Role}`) : '';
      const code = text(pick(record, 'villageCode'));
      const unit = code
        ? t('unit.village', { name: village(code) })
        : t('unit.kecamatan', { name: context.regions.kecamatanName(text(pick(record, 'kecamatanCode'))) });
      return [text(pick(record, 'fullName')), roleName, unit].filter(Boolean).join(' · ');
    }
    case 'registration.checkedIn':
      return context.names?.get(entry.entityId) ?? entry.entityId;
    case 'registrations.imported': {
      const created = pick(after, 'created');
      return Array.isArray(created) ? t('audit.created', { created: created.length }) : '';
    }
    case 'session.created':
      return text(pick(after, 'title'));
    case 'item.created':
      return `${text(pick(after, 'name'))} (${text(pick(after, 'unit'))})`;
    case 'item.updated':
      return `${text(pick(before, 'name'))} → ${text(pick(after, 'name'))} (${text(pick(after, 'unit'))})`;
    case 'allocation.set':
      return t('unit.village', { name: village(entry.entityId) });
    case 'allocation.formulaApplied':
      return t('audit.villages', { n: Number(pick(after, 'villages') ?? 0) });
    case 'shipment.created':
      return `${text(pick(after, 'bastNumber'))} · ${t('unit.village', { name: village(pick(after, 'villageCode')) })}`;
    case 'receipt.confirmed': {
      const name = text(pick(after, 'receivedBy.name'));
      const state = pick(after, 'discrepancy') ? t('state.discrepancy') : t('state.confirmed');
      return `${t('audit.receivedBy', { name })} · ${state}`;
    }
    case 'receipt.corrected':
      return text(pick(after, 'correctedBy.reason'));
    case 'document.verified':
      return text(pick(after, 'fileName'));
    case 'document.rejected':
      return text(pick(after, 'fileName'));
    default:
      return '';
  }
}

function who(entry: AuditEntry, context: AuditContext): string {
  if (entry.actor.type === 'village')
    return t('unit.village', { name: context.regions.villageName(entry.actor.villageCode) });
  const name = entry.actor.name && entry.actor.name !== '-' ? entry.actor.name : t('audit.system');
  return name;
}

function row(entry: AuditEntry, context: AuditContext): HTMLLIElement {
  const about = detail(entry, context);
  return h(
    'li',
    { class: 'audit-entry' },
    h('time', { datetime: entry.at }, formatDateTime(entry.at)),
    h('strong', null, actionLabel(entry.action)),
    about ? h('span', null, about) : null,
    h('span', { class: 'meta' }, t('audit.by', { name: who(entry, context) })),
  );
}

/** Which trail: one session, shipment or desa, or a regency-wide one (`trail: 'regions'`). */
export type Trail = Pick<
  NonNullable<RequestOf<'listAudit'>['query']>,
  'sessionId' | 'shipmentId' | 'villageCode' | 'trail'
>;

/** A trail as a list, paged by "Muat lebih banyak"; answered at once, filled when the first page arrives. */
export function auditTrail(trail: Trail, context: AuditContext, title = t('audit.title')): HTMLElement {
  const list = h('ol', { class: 'audit' });
  const more = h('button', { type: 'button', class: 'secondary', hidden: true }, t('common.more'));
  const box = h('div', { hidden: true });
  let cursor: string | null = null;
  const load = async () => {
    more.disabled = true;
    try {
      const { body: page } = await call('listAudit', { query: { ...trail, limit: 50, cursor: cursor ?? undefined } });
      list.append(...page.items.map((entry) => row(entry, context)));
      cursor = page.nextCursor;
      more.hidden = !cursor;
      if (list.childElementCount === 0) fill(list, h('li', { class: 'meta' }, t('audit.empty')));
    } catch (error) {
      notice(box, 'error', error instanceof Error ? error.message : t('error.network'));
    } finally {
      more.disabled = false;
    }
  };
  more.addEventListener('click', () => void load());
  void load();
  return h('section', { class: 'audit-trail' }, h('h2', null, title), box, list, more);
}
