/**
 * The fair registration floor: a minimal HTTP server on loopback that does the least a safe,
 * audited registration must do. It derives the same registration item from the request (its id
 * is its place), stores it with one conditional PutItem (the place must be free), then writes
 * the same audit entry the application writes, and answers 201 with the record. No validation,
 * no phone guard, no capacity counter, no framework. It runs in the bench process, against the
 * same dynalite, like the local stack's handlers, and asks for consumed capacity as the measured
 * application does, so its write units are the floor of the write-unit figure too.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '#shared/kernel/table/keys.ts';
import type { RegistrationInput } from '#shared/sessions/registration-contract.ts';
import { candidateOf } from '#shared/sessions/rules/candidate.ts';
import { DEFAULT_ROLES } from '#shared/sessions/rules/roles.ts';
import { indexWriteUnits, type Units } from '#test/support/measure/dynamo-calls.ts';

const principal = { sub: 'floor', name: 'Floor', groups: ['organizer' as const] };
const capacityOf = (reply: { ConsumedCapacity?: { CapacityUnits?: number } | Array<{ CapacityUnits?: number }> }) =>
  [reply.ConsumedCapacity ?? []].flat().reduce((sum, each) => sum + (each.CapacityUnits ?? 0), 0);

/** Starts the floor server; `kecamatanOf` maps a desa to its kecamatan, as the session's unit items do. */
export async function startFloorServer(endpoint: string, tableName: string, kecamatanOf: Map<string, string>) {
  // Imported late: these modules read the stack's configuration when they load.
  const { auditItem } = await import('#shared/kernel/table/audit.ts');
  const { recordOf, registrationAudit, toRegistration } = await import('#shared/sessions/use-cases/registrations.ts');
  const { newPass } = await import('#shared/sessions/use-cases/secrets.ts');
  // The floor seals each pass with a session key as the app does (local work, no KMS call).
  const key = randomBytes(32);
  const client = new DynamoDBClient({
    endpoint,
    region: 'ap-southeast-3',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const db = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  const units: Units[] = [];

  const register = async (sessionId: string, input: RegistrationInput) => {
    const candidate = candidateOf(input, DEFAULT_ROLES);
    const record = recordOf(
      sessionId,
      candidate,
      kecamatanOf.get(input.villageCode ?? ''),
      new Date().toISOString(),
      principal,
      { source: 'desk' },
      newPass(key, sessionId),
    );
    const put = await db.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...keys.registration.item(sessionId, record.id), ...record },
        ConditionExpression: 'attribute_not_exists(PK)',
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    const audit = auditItem(registrationAudit(record, principal));
    const written = await db.send(
      new BatchWriteCommand({
        RequestItems: { [tableName]: [{ PutRequest: { Item: audit } }] },
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    units.push({ write: capacityOf(put) + capacityOf(written), indexWrite: indexWriteUnits(audit), read: 0 });
    return toRegistration(record, key);
  };

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      try {
        const input = JSON.parse(Buffer.concat(chunks).toString('utf8')) as RegistrationInput;
        const sessionId = (request.url ?? '/').split('/')[2] ?? 'floor';
        const body = JSON.stringify(await register(sessionId, input));
        response.writeHead(201, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
        response.end(body);
      } catch {
        response.writeHead(503).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    /** Capacity each registration the floor stored consumed. */
    units: () => [...units],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
        client.destroy();
      }),
  };
}
