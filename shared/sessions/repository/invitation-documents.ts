/**
 * Files uploaded through an invitation (`SESSION#<id>`, `DOC#<invitation>#<document>`), written and
 * settled by the kernel's upload path; and each code's count of the uploads it asked for, kept on
 * its lookup item, so a new code starts afresh.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, TableName } from '#shared/kernel/table/client.ts';
import { keys } from '#shared/kernel/table/keys.ts';
import { conditionally } from '#shared/kernel/table/record.ts';
import { getUpload } from '#shared/kernel/uploads/repository.ts';
import { InvitationDocumentRecord } from '../records.ts';

/** One document of an invitation, strongly consistent. */
export function getInvitationDocument(
  sessionId: string,
  invitationId: string,
  documentId: string,
): Promise<InvitationDocumentRecord | undefined> {
  return getUpload(keys.invitationDocument.item(sessionId, invitationId, documentId), InvitationDocumentRecord);
}

/** Counts one upload asked for with a code, while it stays within `max`; false once it would not. */
export function countCodeDocument(codeHash: string, max: number): Promise<boolean> {
  return conditionally(
    db.send(
      new UpdateCommand({
        TableName,
        Key: keys.invitationCode.item(codeHash),
        UpdateExpression: 'ADD documentCount :one',
        ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(documentCount) OR documentCount < :max)',
        ExpressionAttributeValues: { ':one': 1, ':max': max },
      }),
    ),
  );
}
