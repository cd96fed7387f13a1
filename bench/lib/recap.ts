/**
 * The recap of a session with everyone checked in (every record then carries its check-in, the
 * recap's largest case) against its floor: one raw paged Query of the same registration items,
 * from a client of its own, into the same dynalite. The application's time is the whole request
 * through the local gateway (the session, its expected units and every registration read, each
 * record parsed, the recap computed and sent); runs alternate, and medians are reported.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '#shared/kernel/table/keys.ts';
import type { TestStack } from '#test/support/api.ts';
import type { CallRecorder } from '#test/support/measure/dynamo-calls.ts';
import { RECAP } from '#test/support/measure/scenario.ts';
import { median } from './report.ts';

export interface RecapTiming {
  registered: number;
  pages: number;
  ms: number;
  readUnits: number;
  bytes: number;
  floorPages: number;
  floorMs: number;
  floorReadUnits: number;
}

async function rawQuery(db: DynamoDBDocumentClient, tableName: string, sessionId: string) {
  let pages = 0;
  let readUnits = 0;
  let items = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.session.partition(sessionId), ':prefix': keys.registration.prefix },
        ExclusiveStartKey: start,
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    pages++;
    readUnits += page.ConsumedCapacity?.CapacityUnits ?? 0;
    items += page.Items?.length ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return { pages, readUnits, items };
}

/** Times the recap of `sessionId` and its floor, `runs` times each, alternating. */
export async function recapTiming(
  t: TestStack,
  recorder: CallRecorder,
  sessionId: string,
  runs: number,
): Promise<RecapTiming> {
  const client = new DynamoDBClient({
    endpoint: t.stack.dynamoEndpoint,
    region: 'ap-southeast-3',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const db = DynamoDBDocumentClient.from(client);
  const app: number[] = [];
  const floor: number[] = [];
  let reply = { registered: 0, pages: 0, readUnits: 0, bytes: 0 };
  let raw = { pages: 0, readUnits: 0, items: 0 };
  try {
    for (let run = 0; run < runs; run++) {
      let started = performance.now();
      const answer = await t.organizer.get<{ registered: number; present: number }>(
        `/sessions/${sessionId}/attendance`,
      );
      app.push(performance.now() - started);
      if (answer.status !== 200) throw new Error(`the recap answered ${answer.status}`);
      if (answer.body.present !== answer.body.registered) throw new Error('not everyone is checked in');
      reply = {
        registered: answer.body.registered,
        pages: recorder.lastQueried(RECAP).filter((prefix) => prefix === keys.registration.prefix).length,
        readUnits: recorder.lastUnits(RECAP).read,
        bytes: Buffer.byteLength(answer.text),
      };
      started = performance.now();
      raw = await rawQuery(db, t.stack.tableName, sessionId);
      floor.push(performance.now() - started);
    }
  } finally {
    client.destroy();
  }
  if (raw.items !== reply.registered) throw new Error(`the floor read ${raw.items} of ${reply.registered}`);
  return {
    ...reply,
    ms: median(app),
    floorPages: raw.pages,
    floorMs: median(floor),
    floorReadUnits: raw.readUnits,
  };
}
