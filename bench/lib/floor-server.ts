/**
 * The registration floor: a minimal HTTP server on loopback whose handler stores one equivalent
 * registration item with a single PutItem into the same dynalite, and answers 201. No validation,
 * no ledger, no audit: the least a registration can cost on this machine.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { villages } from '#local/demo/oku-selatan.ts';
import { keys } from '#shared/kernel/table/keys.ts';

const kecamatanOf = new Map(villages.map((village) => [village.code, village.kecamatanCode]));

export async function startFloorServer(endpoint: string, tableName: string) {
  const db = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint,
      region: 'ap-southeast-3',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const input = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, string>;
      const sessionId = (request.url ?? '/').split('/')[2] ?? 'floor';
      const id = randomUUID();
      const item = {
        id,
        sessionId,
        role: input.role,
        fullName: input.fullName,
        villageCode: input.villageCode,
        kecamatanCode: kecamatanOf.get(input.villageCode ?? '') ?? '',
        phone: input.phone,
        createdAt: new Date().toISOString(),
        createdBy: { sub: 'floor', name: 'floor' },
      };
      try {
        await db.send(
          new PutCommand({ TableName: tableName, Item: { ...keys.registration.item(sessionId, id), ...item } }),
        );
        response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(item));
      } catch {
        response.writeHead(503).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
        db.destroy();
      }),
  };
}
