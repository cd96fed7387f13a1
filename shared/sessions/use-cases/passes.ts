/**
 * Personal passes: what a pass page shows, and the check-in of many scans at once, as a phone that
 * was offline sends them (or several phones at one door): each person counts once, keeping the
 * earliest time, and each new check-in is audited with the device that scanned it.
 */
import { inScope, type Principal, regencyScope, type Scope, stamp, userActor } from '#shared/kernel/caller.ts';
import { NotFound } from '#shared/kernel/errors.ts';
import { countUnknownCode } from '#shared/kernel/limits.ts';
import { writeAudit } from '#shared/kernel/table/audit.ts';
import { scopes } from '#shared/kernel/table/keys.ts';
import { findKecamatan, findVillage } from '#shared/regions/use-cases.ts';
import type { CheckInBatch, CheckInBatchResult, PassView } from '../invitation-contract.ts';
import { sessionNotFound } from '../messages.ts';
import type { RegistrationRecord } from '../records.ts';
import * as registrations from '../repository/registrations.ts';
import { addPresent, getSession } from '../repository/sessions.ts';
import { parsePassToken } from '../rules/pass.ts';
import { parseRegistrationId } from '../rules/registration-id.ts';
import { passMatches } from './secrets.ts';

/** A scan's time, never later than now (a phone's clock running ahead counts as now). */
function notAfterNow(at: string): string {
  const now = new Date();
  return Date.parse(at) > now.getTime() ? now.toISOString() : new Date(at).toISOString();
}

/** The place a registration takes, in words for a pass: its desa, kecamatan or agency. */
export async function placeInWords(record: RegistrationRecord): Promise<string> {
  if (record.villageCode) return `Desa ${(await findVillage(record.villageCode))?.name ?? record.villageCode}`;
  if (record.kecamatanCode) {
    return `Kecamatan ${(await findKecamatan(record.kecamatanCode))?.name ?? record.kecamatanCode}`;
  }
  return record.organization ?? '';
}

/** What a pass shows; a token that names nobody (or the wrong secret) counts against its caller. */
export async function passView(token: string, sourceIp: string): Promise<PassView> {
  const parts = parsePassToken(token);
  const [session, record] = parts
    ? await Promise.all([
        getSession(parts.sessionId),
        registrations.getRegistration(parts.sessionId, parts.registrationId),
      ])
    : [undefined, undefined];
  if (!parts || !session || !record || !passMatches(record, parts.secret)) {
    await countUnknownCode(sourceIp);
    throw new NotFound();
  }
  return {
    session: { id: session.id, title: session.title, date: session.date, venue: session.venue },
    registration: {
      id: record.id,
      fullName: record.fullName,
      role: record.role,
      unit: await placeInWords(record),
      checkedInAt: record.checkedInAt ?? null,
    },
    token,
  };
}

const IN_FLIGHT = 16;

/** Checks in a batch of scans and ticks; see the module comment. */
export async function checkInMany(
  sessionId: string,
  batch: CheckInBatch,
  principal: Principal | null,
  scope: Scope = regencyScope,
): Promise<CheckInBatchResult> {
  const session = await getSession(sessionId);
  if (!session) throw new NotFound(sessionNotFound);
  const by = stamp(principal);
  const results: CheckInBatchResult['results'] = new Array(batch.items.length);
  let fresh = 0;
  let next = 0;
  const work = async () => {
    while (next < batch.items.length) {
      const index = next++;
      const item = batch.items[index];
      if (!item) continue;
      const parts = item.token ? parsePassToken(item.token) : null;
      const id = parts?.registrationId ?? item.registrationId ?? '';
      if (parts && parts.sessionId !== sessionId) {
        results[index] = { index, registrationId: null, status: 'UNKNOWN', otherSession: true, checkedInAt: null };
        continue;
      }
      // A kecamatan account checks in its own desa's people only; another's it does not know.
      if (!inScope(scope, parseRegistrationId(id)?.unitCode)) {
        results[index] = { index, registrationId: null, status: 'UNKNOWN', checkedInAt: null };
        continue;
      }
      if (parts) {
        // A scanned pass must carry the registration's current secret.
        const record = await registrations.getRegistration(sessionId, id);
        if (!record || !passMatches(record, parts.secret)) {
          results[index] = { index, registrationId: null, status: 'UNKNOWN', checkedInAt: null };
          continue;
        }
      }
      const at = notAfterNow(item.at);
      const done = await registrations.checkInAtEarliest(sessionId, id, at, by);
      if (!done) {
        results[index] = { index, registrationId: null, status: 'UNKNOWN', checkedInAt: null };
        continue;
      }
      const checkedInAt = done.record.checkedInAt ?? at;
      results[index] = { index, registrationId: id, status: done.checkedIn ? 'CHECKED_IN' : 'ALREADY', checkedInAt };
      if (!done.checkedIn) continue;
      fresh++;
      await writeAudit({
        scope: scopes.session(sessionId),
        at: checkedInAt,
        action: 'registration.checkedIn',
        actor: userActor(principal),
        entityId: id,
        before: { checkedInAt: null },
        after: { checkedInAt, deviceId: item.deviceId, by: item.token ? 'pass' : 'list' },
        villageCode: done.record.villageCode,
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, batch.items.length) }, work));
  if (fresh > 0) await addPresent(sessionId, fresh);
  return { results };
}
