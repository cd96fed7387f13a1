/**
 * Bulk import against its floor: the same 3,000 registration items written with raw
 * BatchWriteItem (chunks of 25) into a fresh table of the same dynalite, with the concurrency the
 * import's record writes use (8 writes in flight × 2 chunks each).
 */
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '#shared/kernel/table/keys.ts';
import type { RegistrationInput } from '#shared/sessions/registration-contract.ts';
import type { TestStack } from '#test/support/api.ts';
import { committeeMembers } from '#test/support/crowd.ts';
import { freshSession, importPeople } from '#test/support/measure/scenario.ts';

const CHUNK = 25;
export const RAW_CONCURRENCY = 16;

/** The items the import writes for these people (registration records; keys as in shared/data). */
async function registrationItems(sessionId: string, people: RegistrationInput[], kecamatanOf: Map<string, string>) {
  // Imported late: the service reads the stack's configuration when it loads.
  const { recordOf } = await import('#shared/sessions/use-cases/registrations.ts');
  const { candidateOf } = await import('#shared/sessions/rules/candidate.ts');
  const at = new Date().toISOString();
  return people.map((person) => {
    const candidate = candidateOf(person);
    const record = recordOf(sessionId, candidate, kecamatanOf.get(person.villageCode ?? '') ?? '', at, {
      sub: 'bench',
      name: 'Bench',
      groups: ['organizer'],
    });
    return { ...keys.registration.item(sessionId, record.id), ...record };
  });
}

function clientOf(endpoint: string) {
  const client = new DynamoDBClient({
    endpoint,
    region: 'ap-southeast-3',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  return { client, db: DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } }) };
}

/**
 * About how big the session item (with its ledger) is: DynamoDB bills every update of an item by
 * its whole size (1 WCU per KB), so this is what each registration claim costs in a session this full.
 */
async function sessionItemBytes(t: TestStack, sessionId: string): Promise<number> {
  const { client, db } = clientOf(t.stack.dynamoEndpoint);
  const result = await db.send(
    new GetCommand({ TableName: t.stack.tableName, Key: { PK: `SESSION#${sessionId}`, SK: 'SESSION' } }),
  );
  client.destroy();
  return JSON.stringify(result.Item ?? {}).length;
}

async function rawBatchWrite(endpoint: string, items: Record<string, unknown>[]): Promise<number> {
  const { client, db } = clientOf(endpoint);
  const TableName = `siap-bench-raw-${Date.now()}`;
  await client.send(
    new CreateTableCommand({
      TableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'PK', AttributeType: 'S' },
        { AttributeName: 'SK', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
    }),
  );
  const chunks: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) chunks.push(items.slice(i, i + CHUNK));
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      let pending = (chunks[next++] ?? []).map((Item) => ({ PutRequest: { Item } }));
      while (pending.length > 0) {
        const result = await db.send(new BatchWriteCommand({ RequestItems: { [TableName]: pending } }));
        pending = (result.UnprocessedItems?.[TableName] ?? []) as typeof pending;
      }
    }
  };
  await Promise.all(Array.from({ length: RAW_CONCURRENCY }, worker));
  const ms = performance.now() - started;
  client.destroy();
  return ms;
}

/** Times a 3,000-person import through the API and the raw writes of the same items. */
export async function bulkImport(
  t: TestStack,
  size: number,
): Promise<{ importMs: number; rawMs: number; sessionBytes: number }> {
  const people = committeeMembers(size);
  const sessionId = await freshSession(t.organizer, 'Impor massal');
  const started = performance.now();
  const created = await importPeople(t.organizer, sessionId, people);
  const importMs = performance.now() - started;
  if (created !== size) throw new Error(`import created ${created} of ${size}`);
  const { villages } = await import('#local/demo/oku-selatan.ts');
  const kecamatanOf = new Map(villages.map((village) => [village.code, village.kecamatanCode]));
  const rawMs = await rawBatchWrite(
    t.stack.dynamoEndpoint,
    await registrationItems(`raw-${sessionId}`, people, kecamatanOf),
  );
  return { importMs, rawMs, sessionBytes: await sessionItemBytes(t, sessionId) };
}
