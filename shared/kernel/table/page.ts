import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, TableName } from './client.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';

interface IndexKeys {
  name: string;
  pk: string;
  sk: string;
}

export interface PageRequest {
  /** The index to read; the table itself (PK, SK) when absent. */
  index?: IndexKeys;
  partition: string;
  /** Only sort keys starting with this. */
  sortPrefix?: string;
  newestFirst?: boolean;
  limit: number;
  /** The cursor a previous page answered; refused (400) unless it belongs to this partition. */
  cursor?: string;
  /**
   * On an index, how the listed items' own table keys begin (`{ PK: 'SESSION#', SK: 'SESSION' }`):
   * a cursor naming any other item is refused (400), not read from.
   */
  itemPrefixes?: { PK?: string; SK?: string };
}

/** One page of a Query on one partition, with an opaque cursor for the next. */
export async function queryPage(
  request: PageRequest,
): Promise<{ items: Record<string, unknown>[]; nextCursor: string | null }> {
  const pk = request.index?.pk ?? 'PK';
  const sk = request.index?.sk ?? 'SK';
  const cursorKeys = request.index ? ['PK', 'SK', pk, sk] : ['PK', 'SK'];
  const result = await db.send(
    new QueryCommand({
      TableName,
      IndexName: request.index?.name,
      KeyConditionExpression: request.sortPrefix ? '#pk = :pk AND begins_with(#sk, :prefix)' : '#pk = :pk',
      ExpressionAttributeNames: request.sortPrefix ? { '#pk': pk, '#sk': sk } : { '#pk': pk },
      ExpressionAttributeValues: {
        ':pk': request.partition,
        ...(request.sortPrefix ? { ':prefix': request.sortPrefix } : {}),
      },
      ScanIndexForward: !request.newestFirst,
      Limit: request.limit,
      ExclusiveStartKey: decodeCursor(
        request.cursor,
        cursorKeys,
        { [pk]: request.partition },
        { ...request.itemPrefixes, ...(request.sortPrefix ? { [sk]: request.sortPrefix } : {}) },
      ),
    }),
  );
  return { items: result.Items ?? [], nextCursor: encodeCursor(result.LastEvaluatedKey) };
}
