import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Principal } from '#shared/kernel/http/auth.ts';
import { HttpError, NotFound } from '#shared/kernel/http/errors.ts';
import { problemReply, toHttpError } from '#shared/kernel/http/problem.ts';
import { type Lang, type Message, type MessageParams, t } from '#shared/kernel/i18n/messages.ts';
import { bounded, userActor } from '#shared/kernel/table/audit.ts';
import { db, TableName } from '#shared/kernel/table/client.ts';
import { keys } from '#shared/kernel/table/keys.ts';
import { loadRegions } from '#shared/regions/repository.ts';
import {
  kecamatanNotInSession,
  phoneTaken,
  roleNames,
  sessionFull,
  sessionNotFound,
  slotTaken,
  unitKecamatan,
  unitVillage,
  villageNotInSession,
} from '#shared/sessions/messages.ts';
import type { RegistrationInput } from '#shared/sessions/registration-contract.ts';
import {
  queryAttendance,
  type RegistrationItem,
  writeRegistrations,
} from '#shared/sessions/registration-repository.ts';
import { getSessionItem, type SeatClaim, type SessionItem } from '#shared/sessions/repository.ts';
import { isVillageRole } from '#shared/sessions/rules/roles.ts';
import { type Candidate, candidateOf, recordOf, register } from './registrations.ts';

/** Rows claimed per update; two short assignments per row keep the expression under DynamoDB's 4 KB. */
const CLAIM_CHUNK = 90;
const WRITES_IN_FLIGHT = 8;

interface Rejection {
  index: number;
  status: number;
  detail: string;
}

interface Plan {
  fresh: Array<{ index: number; candidate: Candidate }>;
  /** Places this same person already held before the import. */
  repeats: Array<{ index: number; candidate: Candidate; claim: SeatClaim }>;
  /** Rows repeating an earlier row of the same file. */
  duplicates: number;
  rejected: Rejection[];
}

const isConditionFailure = (error: unknown) => (error as Error)?.name === 'ConditionalCheckFailedException';

/**
 * Sorts the rows against the session as it stands: new places to claim, repeats of places this
 * same person already holds (nothing to do), and rows refused with the reason a single
 * registration would have been refused.
 */
function planImport(
  session: SessionItem,
  entries: ReadonlyArray<{ index: number; candidate: Candidate }>,
  holders: Map<string, RegistrationItem>,
  names: { village: Map<string, string>; kecamatan: Map<string, string> },
  lang: Lang,
): Plan {
  const plan: Plan = { fresh: [], repeats: [], duplicates: 0, rejected: [] };
  const claims = new Map(Object.entries(session.regs));
  const phones = new Map(Object.entries(session.phones));
  const fileHolders = new Map<string, string>();
  const capacity = session.seatLimit;
  let seatsLeft = capacity - claims.size;
  const reject = (index: number, status: number, key: Message, params: MessageParams = {}) =>
    plan.rejected.push({ index, status, detail: t(lang, key, params) });
  const describe = (id: string) => {
    const holder = holders.get(id);
    const name = holder?.fullName ?? fileHolders.get(id) ?? id;
    const candidate = entries.find((entry) => entry.candidate.id === id)?.candidate;
    const role = holder?.role ?? candidate?.input.role ?? 'ANGGOTA_PANITIA';
    const unitCode = candidate?.unitCode ?? holder?.villageCode ?? holder?.kecamatanCode ?? '';
    const unit = isVillageRole(role)
      ? t(lang, unitVillage, { name: names.village.get(unitCode) ?? unitCode })
      : t(lang, unitKecamatan, { name: names.kecamatan.get(unitCode) ?? unitCode });
    return { holder: name, role: t(lang, roleNames[role]), unit };
  };

  for (const { index, candidate } of entries) {
    const { input } = candidate;
    if (!(candidate.unitCode in session[candidate.unitMap])) {
      const key = candidate.unitMap === 'villages' ? villageNotInSession : kecamatanNotInSession;
      reject(index, 400, key);
      continue;
    }
    const claim = claims.get(candidate.id);
    if (claim && claim.f !== candidate.fingerprint) {
      reject(index, 409, slotTaken, describe(candidate.id));
      continue;
    }
    const phoneHolder = input.phone ? phones.get(input.phone) : undefined;
    if (phoneHolder && phoneHolder !== candidate.id) {
      reject(index, 409, phoneTaken, { ...describe(phoneHolder), phone: input.phone ?? '' });
      continue;
    }
    if (claim) {
      if (fileHolders.has(candidate.id)) plan.duplicates++;
      else plan.repeats.push({ index, candidate, claim });
      continue;
    }
    if (seatsLeft <= 0) {
      reject(index, 409, sessionFull, { capacity });
      continue;
    }
    seatsLeft--;
    claims.set(candidate.id, { f: candidate.fingerprint, t: '' });
    if (input.phone) phones.set(input.phone, candidate.id);
    fileHolders.set(candidate.id, input.fullName);
    plan.fresh.push({ index, candidate });
  }
  return plan;
}

/**
 * Claims up to CLAIM_CHUNK new places in one update of the session item. The rows were judged
 * against the session as read at version `ver`; the update applies only if nothing changed since,
 * which keeps the condition one short clause however many rows the chunk holds.
 */
async function claimChunk(sessionId: string, chunk: Candidate[], at: string, ver: number): Promise<void> {
  const names: Record<string, string> = { '#regs': 'regs', '#ver': 'ver' };
  const values: Record<string, unknown> = { ':ver': ver, ':next': ver + 1 };
  const sets: string[] = ['#ver = :next'];
  chunk.forEach((candidate, i) => {
    names[`#r${i}`] = candidate.id;
    values[`:c${i}`] = { f: candidate.fingerprint, t: at };
    sets.push(`#regs.#r${i} = :c${i}`);
    if (candidate.input.phone) {
      names['#phones'] = 'phones';
      names[`#p${i}`] = candidate.input.phone;
      values[`:i${i}`] = candidate.id;
      sets.push(`#phones.#p${i} = :i${i}`);
    }
  });
  await db.send(
    new UpdateCommand({
      TableName,
      Key: keys.session.item(sessionId),
      UpdateExpression: `SET ${sets.join(', ')}`,
      ConditionExpression: '#ver = :ver',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    }),
  );
}

function detailOf(error: unknown, lang: Lang): { status: number; detail: string } {
  const httpError = error instanceof HttpError ? error : toHttpError(error);
  const body = JSON.parse(problemReply(httpError, lang).body as string) as { detail?: string; title: string };
  return { status: httpError.status, detail: body.detail ?? body.title };
}

/**
 * Registers many participants. The whole file is judged against the session first; new places
 * are then claimed 40 at a time (one conditional update each) and their records written in
 * batches while the next claims run. Every row is keyed by its place, so running the same import
 * again (for instance after it was cut off half-way) creates nobody twice.
 */
export async function importRegistrations(
  sessionId: string,
  rows: RegistrationInput[],
  principal: Principal | null,
  lang: Lang,
): Promise<{ created: number; unchanged: number; rejected: Rejection[] }> {
  const [session, existing, regions] = await Promise.all([
    getSessionItem(sessionId),
    queryAttendance(sessionId),
    loadRegions(),
  ]);
  if (!session) throw new NotFound(sessionNotFound);
  const holders = new Map(existing.registrations.map((record) => [record.id, record]));
  const names = {
    village: new Map(regions.villages.map((row) => [row.code, row.name])),
    kecamatan: new Map(regions.kecamatan.map((row) => [row.code, row.name])),
  };
  const plan = planImport(
    session,
    rows.map((row, index) => ({ index, candidate: candidateOf(row) })),
    holders,
    names,
    lang,
  );
  const at = new Date().toISOString();
  const kecamatanOf = (candidate: Candidate) =>
    candidate.unitMap === 'villages' ? (session.villages[candidate.unitCode] ?? '') : candidate.unitCode;

  const createdIds: string[] = [];
  let unchanged = plan.duplicates;
  const rejected = [...plan.rejected];
  // Record writes run behind the claims; the first failure stops the import (a rerun completes it).
  const writes = new Set<Promise<void>>();
  let failure: unknown;
  const startWrite = async (records: RegistrationItem[]) => {
    while (writes.size >= WRITES_IN_FLIGHT) await Promise.race(writes);
    if (failure) throw failure;
    const write: Promise<void> = writeRegistrations(records, [], 2)
      .catch((error: unknown) => {
        failure ??= error;
      })
      .finally(() => writes.delete(write));
    writes.add(write);
  };

  let ver = session.ver;
  const queue = [...plan.fresh];
  while (queue.length > 0) {
    const chunk = queue.splice(0, CLAIM_CHUNK);
    try {
      await claimChunk(
        sessionId,
        chunk.map((row) => row.candidate),
        at,
        ver,
      );
      ver++;
      const records = chunk.map(({ candidate }) =>
        recordOf(sessionId, candidate, { f: candidate.fingerprint, t: at }, kecamatanOf(candidate), principal),
      );
      createdIds.push(...records.map((record) => record.id));
      await startWrite(records);
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      // Someone changed the session meanwhile: settle this chunk row by row, as single registrations.
      for (const { index, candidate } of chunk) {
        try {
          const result = await register(sessionId, candidate.input, principal, lang);
          if (result.created) createdIds.push(result.registration.id);
          else unchanged++;
        } catch (failure) {
          if (!(failure instanceof HttpError) || failure.status >= 500) throw failure;
          rejected.push({ index, ...detailOf(failure, lang) });
        }
      }
      // The rest was judged against the old session: judge it again against the current one.
      const [current, now] = await Promise.all([getSessionItem(sessionId), queryAttendance(sessionId)]);
      if (!current) throw new NotFound(sessionNotFound);
      for (const record of now.registrations) holders.set(record.id, record);
      ver = current.ver;
      const again = planImport(current, queue, holders, names, lang);
      rejected.push(...again.rejected);
      unchanged += again.duplicates;
      plan.repeats.push(...again.repeats);
      queue.splice(0, queue.length, ...again.fresh);
    }
  }

  // Repeats whose record never got written (an import cut off between claim and write) are finished now.
  const unfinished = plan.repeats.filter(({ candidate }) => !holders.has(candidate.id));
  unchanged += plan.repeats.length - unfinished.length;
  if (unfinished.length > 0) {
    createdIds.push(...unfinished.map(({ candidate }) => candidate.id));
    await startWrite(
      unfinished.map(({ candidate, claim }) =>
        recordOf(sessionId, candidate, claim, kecamatanOf(candidate), principal),
      ),
    );
  }
  await Promise.all(writes);
  if (failure) throw failure;
  if (createdIds.length > 0) {
    await writeRegistrations(
      [],
      [
        {
          scope: `SESSION#${sessionId}`,
          at,
          action: 'registrations.imported',
          actor: userActor(principal),
          entityId: sessionId,
          after: bounded({ created: createdIds.map((id) => ({ id })) }),
        },
      ],
    );
  }
  return { created: createdIds.length, unchanged, rejected: rejected.sort((a, b) => a.index - b.index) };
}
