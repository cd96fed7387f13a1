/**
 * Invitations per desa and kecamatan, and self-registration through them. A unit's code opens only
 * that unit's page: who is expected from it, who registered already, and a form whose unit is the
 * code's. Codes are random (kernel/codes.ts), looked up by hash, sealed with the session's key for
 * reprinting; unknown codes are counted against their caller, and each valid code has its own
 * allowance of registrations per window, so neither guessing nor a leaked link floods a session.
 */
import { ulid } from 'ulid';
import { type Principal, stamp, userActor } from '#shared/kernel/caller.ts';
import { hashCode, newCode } from '#shared/kernel/codes.ts';
import { publicUrl } from '#shared/kernel/config.ts';
import { AppError, Conflict, NotFound, ValidationFailed } from '#shared/kernel/errors.ts';
import { spendCodeUse } from '#shared/kernel/limits.ts';
import { longDate } from '#shared/kernel/pdf/dates.ts';
import { writeAudit } from '#shared/kernel/table/audit.ts';
import { scopes } from '#shared/kernel/table/keys.ts';
import { getRegions } from '#shared/regions/use-cases.ts';
import type { InvitationRegistrationInput, InvitationView } from '../invitation-contract.ts';
import {
  phoneTakenElsewhere,
  registrationChanged,
  registrationNotFound,
  roleNames,
  sessionNotFound,
  skNotAttachable,
} from '../messages.ts';
import type { InvitationRecord, RegistrationRecord, SessionRecord } from '../records.ts';
import type { Registration } from '../registration-contract.ts';
import { getInvitationDocument } from '../repository/invitation-documents.ts';
import * as repository from '../repository/invitations.ts';
import { getRegistration, queryAllRegistrations, setRegistrationSk } from '../repository/registrations.ts';
import { getSession, queryUnits } from '../repository/sessions.ts';
import { placePrefix } from '../rules/registration-id.ts';
import { rolesOf, unitOf } from '../rules/roles.ts';
import { invitationForCode, invitationPrincipal } from './invitation-code.ts';
import { register } from './registrations.ts';
import { openInvitationCode, sealInvitationCode, sessionKey } from './secrets.ts';

/** Registrations one valid code may make per window (a desa sends a handful; a leaked link is cut off). */
export const REGISTRATIONS_PER_CODE = 40;

type UnitKind = InvitationRecord['unit']['kind'];
type Names = (kind: UnitKind, code: string) => string;

async function unitNames(): Promise<Names> {
  const regions = await getRegions();
  const villages = new Map(regions.villages.map((village) => [village.code, village.name]));
  const kecamatan = new Map(regions.kecamatan.map((unit) => [unit.code, unit.name]));
  return (kind, code) => (kind === 'village' ? villages.get(code) : kecamatan.get(code)) ?? code;
}

const unitWords = (kind: UnitKind, name: string) => (kind === 'village' ? `Desa ${name}` : `Kecamatan ${name}`);

/** Who a unit is expected to send, in words: "Ketua Panitia, Sekretaris Panitia dan Anggota Panitia". */
export function expectedFrom(session: SessionRecord, kind: UnitKind): string {
  const names = rolesOf(session)
    .filter((entry) => entry.unit === kind)
    .map((entry) => roleNames[entry.role].id);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} dan ${names.at(-1)}`;
}

/** An invitation as organizers see it: its unit by name, its code, its link and a WhatsApp message. */
function shown(session: SessionRecord, record: InvitationRecord, code: string, names: Names) {
  const name = names(record.unit.kind, record.unit.code);
  const url = `${publicUrl()}/daftar/${code}`;
  const message =
    `Undangan ${session.title}, ${longDate(session.date)}, di ${session.venue}, untuk ${unitWords(record.unit.kind, name)}. ` +
    `Mohon mendaftarkan ${expectedFrom(session, record.unit.kind)} melalui tautan ini: ${url}`;
  return {
    id: record.id,
    unit: { kind: record.unit.kind, code: record.unit.code, name },
    code,
    url,
    whatsappUrl: `https://wa.me/?text=${encodeURIComponent(message)}`,
  };
}

async function sessionOrThrow(sessionId: string): Promise<SessionRecord> {
  const session = await getSession(sessionId);
  if (!session) throw new NotFound(sessionNotFound);
  return session;
}

/** Kinds of unit the session's roles come from (a session of agencies alone invites no desa). */
function invitedKinds(session: SessionRecord): Set<UnitKind> {
  const kinds = new Set<UnitKind>();
  for (const { unit } of rolesOf(session)) if (unit !== 'none') kinds.add(unit);
  return kinds;
}

/**
 * Creates an invitation for every expected unit that has none (a repeat creates nothing more) and
 * answers all of the session's invitations in code order.
 */
export async function createInvitations(sessionId: string, principal: Principal | null) {
  const [session, units, existing, names] = await Promise.all([
    sessionOrThrow(sessionId),
    queryUnits(sessionId),
    repository.queryInvitations(sessionId),
    unitNames(),
  ]);
  const key = await sessionKey(session);
  const kinds = invitedKinds(session);
  const invited = new Set(existing.map((record) => `${record.unit.kind}:${record.unit.code}`));
  const at = new Date().toISOString();
  const fresh = units
    .filter((unit) => kinds.has(unit.kind) && !invited.has(`${unit.kind}:${unit.code}`))
    .map((unit) => {
      const id = ulid();
      const code = newCode();
      const record: InvitationRecord = {
        id,
        sessionId,
        unit: { kind: unit.kind, code: unit.code },
        codeHash: hashCode('invitation', code),
        codeSealed: sealInvitationCode(key, sessionId, id, code),
        createdAt: at,
        createdBy: stamp(principal),
      };
      return record;
    });
  if (fresh.length > 0) {
    await repository.insertInvitations(fresh, {
      scope: scopes.session(sessionId),
      at,
      action: 'invitations.created',
      actor: userActor(principal),
      entityId: sessionId,
      after: {
        villages: fresh.filter((r) => r.unit.kind === 'village').length,
        kecamatan: fresh.filter((r) => r.unit.kind === 'kecamatan').length,
      },
    });
  }
  const all = [...existing, ...fresh].sort(
    (a, b) => a.unit.kind.localeCompare(b.unit.kind) * -1 || a.unit.code.localeCompare(b.unit.code),
  );
  return {
    items: all.map((record) =>
      shown(session, record, openInvitationCode(key, sessionId, record.id, record.codeSealed), names),
    ),
  };
}

/** The invitations with their status and how many registered through each. */
export async function listInvitations(sessionId: string) {
  const [session, records, roster, names] = await Promise.all([
    sessionOrThrow(sessionId),
    repository.queryInvitations(sessionId),
    queryAllRegistrations(sessionId),
    unitNames(),
  ]);
  const key = await sessionKey(session);
  const through = new Map<string, number>();
  for (const registration of roster.registrations) {
    if (registration.invitationId)
      through.set(registration.invitationId, (through.get(registration.invitationId) ?? 0) + 1);
  }
  return {
    items: records
      .sort((a, b) => a.unit.kind.localeCompare(b.unit.kind) * -1 || a.unit.code.localeCompare(b.unit.code))
      .map((record) => {
        const registered = through.get(record.id) ?? 0;
        const status = registered > 0 ? ('USED' as const) : record.openedAt ? ('OPENED' as const) : ('NEW' as const);
        const code = openInvitationCode(key, sessionId, record.id, record.codeSealed);
        return { ...shown(session, record, code, names), status, registered };
      }),
  };
}

/** Gives an invitation a new code; the old link stops working at once. */
export async function replaceCode(
  sessionId: string,
  invitationId: string,
  reason: string,
  principal: Principal | null,
) {
  const [session, record, names] = await Promise.all([
    sessionOrThrow(sessionId),
    repository.getInvitation(sessionId, invitationId),
    unitNames(),
  ]);
  if (!record) throw new NotFound();
  const key = await sessionKey(session);
  const code = newCode();
  const at = new Date().toISOString();
  const next = {
    codeHash: hashCode('invitation', code),
    codeSealed: sealInvitationCode(key, sessionId, invitationId, code),
    at,
  };
  const changed = await repository.replaceInvitationCode(record, next, {
    scope: scopes.session(sessionId),
    at,
    action: 'invitation.codeReplaced',
    actor: userActor(principal),
    entityId: invitationId,
    before: { unit: record.unit },
    after: { unit: record.unit },
    reason,
    ...(record.unit.kind === 'village' ? { villageCode: record.unit.code } : {}),
  });
  if (!changed) throw new Conflict('detail.retry', { seconds: 1 });
  return shown(session, { ...record, ...next }, code, names);
}

/** The registrations of one unit (one small Query per role the unit sends). */
function unitRegistrations(session: SessionRecord, unit: InvitationRecord['unit']): Promise<RegistrationRecord[]> {
  const prefixes = rolesOf(session)
    .filter((entry) => entry.unit === unit.kind)
    // `KT-16.09.01.2001` is both a place seated once and the start of a counted role's places.
    .map((entry) => placePrefix(entry.role, unit.code).slice(0, -1));
  return repository.registrationsWithPrefixes(session.id, prefixes);
}

/** What a unit's invitation shows; the first open is noted. */
export async function openInvitation(code: string, sourceIp: string): Promise<InvitationView> {
  const { record, session } = await invitationForCode(code, sourceIp);
  const [registrations, names] = await Promise.all([
    unitRegistrations(session, record.unit),
    unitNames(),
    record.openedAt ? undefined : repository.markOpened(record, new Date().toISOString()),
  ]);
  // Only this unit's own people: prefixes of a desa code never reach another desa's places.
  const mine = registrations.filter((each) => (each.villageCode ?? each.kecamatanCode) === record.unit.code);
  return {
    session: { title: session.title, date: session.date, venue: session.venue },
    unit: { ...record.unit, name: names(record.unit.kind, record.unit.code) },
    roles: rolesOf(session)
      .filter((entry) => entry.unit === record.unit.kind)
      .map(({ role, min, max }) => ({ role, min, max, registered: mine.filter((each) => each.role === role).length })),
    registrations: mine.map(({ id, fullName, role, sk }) => ({ id, fullName, role, ...(sk ? { sk } : {}) })),
  };
}

/**
 * The SK a registration may name: a document uploaded with this same code and verified. Anything
 * else (still pending, refused, another unit's, an older code's, unknown) is a field message.
 */
async function attachableSk(record: InvitationRecord, documentId: string) {
  const document = await getInvitationDocument(record.sessionId, record.id, documentId);
  if (document?.status !== 'verified' || document.codeHash !== record.codeHash) {
    throw new ValidationFailed([{ field: 'skDocumentId', key: skNotAttachable }]);
  }
  return { documentId: document.id, fileName: document.fileName };
}

/**
 * Registers someone through their unit's invitation: the unit is the code's, the rules are the
 * desk's; an SK Panitia uploaded with the code may be named. A refusal names only this unit's people; a phone number used elsewhere is said so
 * without naming who used it.
 */
export async function registerByInvitation(
  code: string,
  body: InvitationRegistrationInput,
  sourceIp: string,
): Promise<{ registration: Registration; created: boolean }> {
  const { record } = await invitationForCode(code, sourceIp);
  await spendCodeUse('invitation', record.codeHash, REGISTRATIONS_PER_CODE);
  if (unitOf(body.role) !== record.unit.kind) {
    throw new ValidationFailed([{ field: 'role', key: `field.role.unit.${unitOf(body.role)}` }]);
  }
  const sk = body.skDocumentId ? await attachableSk(record, body.skDocumentId) : undefined;
  const input = {
    fullName: body.fullName,
    role: body.role,
    phone: body.phone,
    ...(record.unit.kind === 'village' ? { villageCode: record.unit.code } : { kecamatanCode: record.unit.code }),
  };
  try {
    // Recorded as the invitation acting (the trail names the unit's link, not a signed-in person).
    return await register(record.sessionId, input, invitationPrincipal(record), {
      source: 'invitation',
      invitationId: record.id,
      ...(sk ? { sk } : {}),
    });
  } catch (error) {
    const holder =
      error instanceof AppError ? (error.spec.extra?.holder as Partial<RegistrationRecord> | undefined) : undefined;
    if (holder && (holder.villageCode ?? holder.kecamatanCode) !== record.unit.code) {
      throw new Conflict(phoneTakenElsewhere, undefined, undefined, [{ field: 'phone', key: phoneTakenElsewhere }]);
    }
    throw error;
  }
}

/**
 * Attaches (or replaces) the SK Panitia of one of the unit's own people, sent after registering:
 * a document uploaded with this code and verified. Another unit's person is as unknown as no one
 * (404); the trail keeps what was attached before.
 */
export async function attachSkByInvitation(
  code: string,
  registrationId: string,
  documentId: string,
  sourceIp: string,
): Promise<InvitationView['registrations'][number]> {
  const { record } = await invitationForCode(code, sourceIp);
  const person = await getRegistration(record.sessionId, registrationId);
  if (!person || (person.villageCode ?? person.kecamatanCode) !== record.unit.code) {
    throw new NotFound(registrationNotFound);
  }
  const sk = await attachableSk(record, documentId);
  const at = new Date().toISOString();
  if (!(await setRegistrationSk(person, sk, at))) throw new Conflict(registrationChanged);
  await writeAudit({
    scope: scopes.session(record.sessionId),
    at,
    action: 'registration.skAttached',
    actor: userActor(invitationPrincipal(record)),
    entityId: person.id,
    before: { sk: person.sk ?? null },
    after: { sk, invitationId: record.id },
    villageCode: person.villageCode,
  });
  return { id: person.id, fullName: person.fullName, role: person.role, sk };
}
