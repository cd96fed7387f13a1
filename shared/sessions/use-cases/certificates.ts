/**
 * Attendance certificates: only people checked in get one. Each has the session's next number and
 * a random check code (its QR leads to `/sertifikat/<code>`, where anyone can see that certificate's
 * name, role, unit, session and date, and nothing else). Issued once, at the first print; a reprint
 * shows the same number and code.
 */
import { hashCode, matchesHash, newCode } from '#shared/kernel/codes.ts';
import { publicUrl } from '#shared/kernel/config.ts';
import { Conflict, NotFound } from '#shared/kernel/errors.ts';
import { countUnknownCode } from '#shared/kernel/limits.ts';
import { openWithKey, sealWithKey } from '#shared/kernel/secrets.ts';
import { notCheckedIn } from '../messages.ts';
import type { RegistrationRecord, SessionRecord } from '../records.ts';
import { certificateForHash, insertCertificateCodes, setCertificate, takeNumbers } from '../repository/certificates.ts';
import { getRegistration } from '../repository/registrations.ts';
import { getSession } from '../repository/sessions.ts';
import { placeInWords } from './passes.ts';
import { sessionKey } from './secrets.ts';

const context = (sessionId: string) => ({ purpose: 'certificate', sessionId });

/** A printed certificate: whose, its number, and the page its QR opens. */
export interface IssuedCertificate {
  record: RegistrationRecord;
  number: number;
  url: string;
}

/** The certificates of these registrations (present ones only), issuing those not issued yet. */
export async function issueCertificates(
  session: SessionRecord,
  records: readonly RegistrationRecord[],
): Promise<IssuedCertificate[]> {
  const key = await sessionKey(session);
  const present = records.filter((record) => record.checkedInAt !== undefined);
  const fresh = present.filter((record) => !record.certificate);
  const made = new Map<string, NonNullable<RegistrationRecord['certificate']>>();
  const codes = new Map<string, string>();
  if (fresh.length > 0) {
    const first = await takeNumbers(session.id, fresh.length);
    const stored = await Promise.all(
      fresh.map(async (record, index) => {
        const code = newCode();
        const certificate = {
          number: first + index,
          hash: hashCode('certificate', code),
          sealed: sealWithKey(key, code, context(session.id)),
        };
        return (await setCertificate(record, certificate)) ? { record, certificate, code } : undefined;
      }),
    );
    const won = stored.flatMap((each) => (each ? [each] : []));
    await insertCertificateCodes(
      won.map(({ record, certificate }) => ({
        hash: certificate.hash,
        sessionId: session.id,
        registrationId: record.id,
      })),
    );
    for (const { record, certificate, code } of won) {
      made.set(record.id, certificate);
      codes.set(record.id, code);
    }
  }
  const issued: IssuedCertificate[] = [];
  for (const record of present) {
    // Issued by someone else meanwhile: read back what they stored.
    const certificate =
      record.certificate ?? made.get(record.id) ?? (await getRegistration(session.id, record.id))?.certificate;
    if (!certificate) continue;
    const code = codes.get(record.id) ?? openWithKey(key, certificate.sealed, context(session.id));
    issued.push({ record, number: certificate.number, url: `${publicUrl()}/sertifikat/${code}` });
  }
  return issued.sort((a, b) => a.number - b.number);
}

/** One person's certificate; 404 for nobody, 409 for someone not (yet) checked in. */
export async function issueCertificate(sessionId: string, registrationId: string) {
  const [session, record] = await Promise.all([getSession(sessionId), getRegistration(sessionId, registrationId)]);
  if (!session || !record) throw new NotFound();
  const [issued] = await issueCertificates(session, [record]);
  if (!issued) throw new Conflict(notCheckedIn, { name: record.fullName });
  return { session, issued };
}

/** What a certificate's check code shows: the person's name, role and unit, the session and its date. */
export async function certificateView(code: string, sourceIp: string) {
  const hash = hashCode('certificate', code);
  const found = await certificateForHash(hash);
  const [session, record] = found
    ? await Promise.all([getSession(found.sessionId), getRegistration(found.sessionId, found.registrationId)])
    : [undefined, undefined];
  if (!session || !record?.certificate || !matchesHash('certificate', code, record.certificate.hash)) {
    await countUnknownCode(sourceIp);
    throw new NotFound();
  }
  return {
    fullName: record.fullName,
    role: record.role,
    unit: await placeInWords(record),
    session: { title: session.title, date: session.date, venue: session.venue },
  };
}
