/**
 * Attendance certificates: a session's running number (an atomic counter that hands out a block
 * of numbers at once), the certificate stored on its registration (set once), and the lookup of
 * its check code.
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { batchWrite, put } from '#shared/kernel/table/batch.ts';
import { db, TableName } from '#shared/kernel/table/client.ts';
import { keys } from '#shared/kernel/table/keys.ts';
import { conditionally, readRecord } from '#shared/kernel/table/record.ts';
import { CertificateCodeRecord, type RegistrationRecord } from '../records.ts';

/** Takes `count` numbers from the session's sequence; answers the first. */
export async function takeNumbers(sessionId: string, count: number): Promise<number> {
  const result = await db.send(
    new UpdateCommand({
      TableName,
      Key: keys.counter.certificate(sessionId),
      UpdateExpression: 'ADD issued :count',
      ExpressionAttributeValues: { ':count': count },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return Number(result.Attributes?.issued ?? count) - count + 1;
}

/** Stores a certificate on its registration unless it has one; answers whether this call stored it. */
export function setCertificate(
  record: RegistrationRecord,
  certificate: NonNullable<RegistrationRecord['certificate']>,
): Promise<boolean> {
  return conditionally(
    db.send(
      new UpdateCommand({
        TableName,
        Key: keys.registration.item(record.sessionId, record.id),
        UpdateExpression: 'SET certificate = :certificate',
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(certificate)',
        ExpressionAttributeValues: { ':certificate': certificate },
      }),
    ),
  );
}

/** Stores the check-code lookups of new certificates. */
export async function insertCertificateCodes(
  entries: ReadonlyArray<{ hash: string; sessionId: string; registrationId: string }>,
) {
  await batchWrite(
    entries.map(({ hash, sessionId, registrationId }) =>
      put({ ...keys.certificateCode.item(hash), sessionId, registrationId }),
    ),
  );
}

/** The registration a certificate's check-code hash points at, if any. */
export async function certificateForHash(
  hash: string,
): Promise<{ sessionId: string; registrationId: string } | undefined> {
  const result = await db.send(new GetCommand({ TableName, Key: keys.certificateCode.item(hash) }));
  return result.Item ? readRecord(CertificateCodeRecord, result.Item, 'certificate code') : undefined;
}
