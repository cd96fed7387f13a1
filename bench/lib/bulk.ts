/**
 * Bulk import against its floors, in the same dynalite: the import of `size` people through the
 * API (requests of 250, as the page sends them), and the same number of conditional PutItems of
 * the same registration items with the concurrency the import's writes use (16 in flight); then
 * twice that number (each row's phone guard and record: the least a safe import of rows that carry
 * phone numbers writes). Floors write into partitions of their own. The machine is shared, so the
 * three take turns 250 rows at a time (the order rotating), and each one's chunks are summed.
 */
import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '#shared/kernel/table/keys.ts';
import type { RegistrationInput } from '#shared/sessions/registration-contract.ts';
import { candidateOf } from '#shared/sessions/rules/candidate.ts';
import { pool, type TestStack } from '#test/support/api.ts';
import { CROWD_ROLES, committeeMembers } from '#test/support/crowd.ts';
import { type CallRecorder, writeUnitsOf } from '#test/support/measure/dynamo-calls.ts';
import { freshSession, IMPORT, importPeople } from '#test/support/measure/scenario.ts';

/** Writes in flight, as the import's (WRITES_IN_FLIGHT in shared/sessions/use-cases/import.ts). */
export const CONCURRENCY = 16;
/** Rows per import request, as the page sends them (the route takes at most 250). */
const CHUNK = 250;

type Item = Record<string, unknown>;

/** The items the import writes for these people: each row's phone guard and its registration. */
async function itemsOf(sessionId: string, people: RegistrationInput[], kecamatanOf: Map<string, string>) {
  // Imported late: the use case reads the stack's configuration when it loads.
  const { recordOf } = await import('#shared/sessions/use-cases/registrations.ts');
  const { newPass } = await import('#shared/sessions/use-cases/secrets.ts');
  const key = randomBytes(32);
  const at = new Date().toISOString();
  const principal = { sub: 'bench', name: 'Bench', groups: ['organizer' as const] };
  return people.map((person) => {
    const candidate = candidateOf(person, CROWD_ROLES);
    const pass = newPass(key, sessionId);
    const record = recordOf(
      sessionId,
      candidate,
      kecamatanOf.get(person.villageCode ?? ''),
      at,
      principal,
      { source: 'import' },
      pass,
    );
    return {
      guard: { ...keys.phone.item(sessionId, person.phone ?? ''), registrationId: record.id, claimedAt: at },
      record: { ...keys.registration.item(sessionId, record.id), ...record },
    };
  });
}

/** Milliseconds to put `items`, each with the import's condition (the key must be free), 16 in flight. */
async function conditionalPuts(db: DynamoDBDocumentClient, tableName: string, items: Item[]): Promise<number> {
  const started = performance.now();
  await pool(items, CONCURRENCY, (Item) =>
    db.send(new PutCommand({ TableName: tableName, Item, ConditionExpression: 'attribute_not_exists(PK)' })),
  );
  return performance.now() - started;
}

export interface BulkImport {
  sessionId: string;
  importMs: number;
  /** `size` conditional puts (the registration items). */
  putsMs: number;
  /** 2 × `size` conditional puts (phone guards and registration items). */
  twicePutsMs: number;
  writeUnitsPerRow: number;
}

/** Times an import of `size` people through the API and its floors; see the module comment. */
export async function bulkImport(
  t: TestStack,
  recorder: CallRecorder,
  kecamatanOf: Map<string, string>,
  size: number,
): Promise<BulkImport> {
  const people = committeeMembers(size) as RegistrationInput[];
  const sessionId = await freshSession(t.organizer, 'Impor massal');
  const { dynamoEndpoint: endpoint, tableName } = t.stack;
  const client = new DynamoDBClient({
    endpoint,
    region: 'ap-southeast-3',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const db = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  const once = await itemsOf(`floor-once-${sessionId}`, people, kecamatanOf);
  const twice = await itemsOf(`floor-twice-${sessionId}`, people, kecamatanOf);
  // Untimed: the floor's client and dynalite's conditional-put path warm, as the import's are.
  await conditionalPuts(
    db,
    tableName,
    (await itemsOf(`floor-warm-${sessionId}`, people.slice(0, 200), kecamatanOf)).map((row) => row.record),
  );
  recorder.takeUnits(IMPORT);
  const took = { importMs: 0, putsMs: 0, twicePutsMs: 0 };
  let created = 0;
  try {
    for (let from = 0, chunk = 0; from < size; from += CHUNK, chunk++) {
      const rows = { from, to: Math.min(size, from + CHUNK) };
      const turns: Array<() => Promise<void>> = [
        async () => {
          took.putsMs += await conditionalPuts(
            db,
            tableName,
            once.slice(rows.from, rows.to).map((row) => row.record),
          );
        },
        async () => {
          const started = performance.now();
          created += await importPeople(t.organizer, sessionId, people.slice(rows.from, rows.to));
          took.importMs += performance.now() - started;
        },
        async () => {
          const items = twice.slice(rows.from, rows.to).flatMap((row) => [row.guard, row.record]);
          took.twicePutsMs += await conditionalPuts(db, tableName, items);
        },
      ];
      for (const turn of [...turns.slice(chunk % 3), ...turns.slice(0, chunk % 3)]) await turn();
    }
  } finally {
    client.destroy();
  }
  if (created !== size) throw new Error(`the import created ${created} of ${size}`);
  const units = recorder.takeUnits(IMPORT).reduce((sum, each) => sum + writeUnitsOf(each), 0);
  return { sessionId, ...took, writeUnitsPerRow: units / size };
}
