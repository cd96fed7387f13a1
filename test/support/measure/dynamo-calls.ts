/**
 * Counts the DynamoDB commands each request makes and the capacity they consume, with middleware
 * on the shared document client (as the least-privilege test does). A handler wrapper gives every
 * invocation its own tally, so calls are attributed to the request that made them even when
 * requests overlap.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { LambdaHandler } from '#local/gateway.ts';
import { tableDefinition } from '#shared/kernel/table/keys.ts';
import type { FunctionGroup } from '#shared/routes.ts';

/** The DynamoDB API action of a document-client (or low-level) command name. */
export function actionOf(commandName: string): string {
  return commandName.replace(/Command$/, '').replace(/^(Get|Put|Update|Delete|BatchGet|BatchWrite)$/, '$1Item');
}

const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem']);
const READS = new Set(['GetItem', 'BatchGetItem', 'Query', 'Scan']);

/** Capacity one invocation consumed. */
export interface Units {
  /** Write units of the table, as DynamoDB (here dynalite) reports them in ConsumedCapacity. */
  write: number;
  /**
   * Write units of the global secondary indexes for the items put that carry an index's keys:
   * DynamoDB adds them to ConsumedCapacity, dynalite leaves them out, so they are computed here
   * (1 per started KB of the projected item, as DynamoDB bills them).
   */
  indexWrite: number;
  read: number;
}

const noUnits = (): Units => ({ write: 0, indexWrite: 0, read: 0 });

/** Write units in all, tables and indexes: what AWS would bill. */
export const writeUnitsOf = (units: Units) => units.write + units.indexWrite;

interface Invocation {
  calls: string[];
  /** The sort-key prefix each Query read (`REG#`, `UNIT#`), in order. */
  queried: string[];
  units: Units;
}

/** The sort-key prefix a Query reads (`begins_with(SK, :prefix)`), or '' when it has none. */
function prefixOf(input: Input): string {
  const found = /begins_with\(\s*\w+\s*,\s*(:\w+)\s*\)/.exec(String(input.KeyConditionExpression ?? ''));
  const values = (input.ExpressionAttributeValues ?? {}) as Record<string, unknown>;
  return found ? String(values[found[1] ?? ''] ?? '') : '';
}

export interface CallRecorder {
  /** Pass to the local stack as `wrapHandler`. */
  wrapHandler(group: FunctionGroup, handler: LambdaHandler): LambdaHandler;
  /** Adds the middleware to the shared client; call once the stack has set the environment. */
  install(): Promise<void>;
  /** The actions made by the latest invocation of a route (`POST /sessions/{sessionId}/registrations`). */
  last(routeKey: string): string[];
  /** The sort-key prefixes the latest invocation of a route read with Query, one per page. */
  lastQueried(routeKey: string): string[];
  /** The capacity the latest invocation of a route consumed. */
  lastUnits(routeKey: string): Units;
  /** The capacity of every invocation of a route since the last call (in order of completion). */
  takeUnits(routeKey: string): Units[];
  /** Milliseconds each action took (send to reply) since the last call; starts a new tally. */
  takeDurations(): Map<string, number[]>;
}

/** DynamoDB's size of a value in bytes (names and values as UTF-8; numbers about 1 byte per 2 digits). */
export function sizeOf(value: unknown): number {
  if (typeof value === 'string') return Buffer.byteLength(value);
  if (typeof value === 'number') return Math.ceil(String(Math.abs(value)).replace(/[.-]/g, '').length / 2) + 1;
  if (typeof value === 'boolean' || value === null) return 1;
  if (value instanceof Uint8Array) return value.byteLength;
  if (Array.isArray(value)) return 3 + value.reduce((sum: number, each) => sum + 1 + sizeOf(each), 0);
  if (value instanceof Set) return [...value].reduce((sum: number, each) => sum + sizeOf(each), 0);
  if (typeof value === 'object') return 3 + itemSize(value as Record<string, unknown>);
  return 0;
}

function itemSize(item: Record<string, unknown>): number {
  let size = 0;
  for (const [name, value] of Object.entries(item)) {
    if (value !== undefined) size += Buffer.byteLength(name) + sizeOf(value);
  }
  return size;
}

/** Index write units of one item put: each index whose keys it carries stores its projection. */
export function indexWriteUnits(item: Record<string, unknown>): number {
  let units = 0;
  for (const index of tableDefinition.globalIndexes) {
    if (item[index.pk] === undefined || item[index.sk] === undefined) continue;
    // Every index projects all attributes (tableDefinition), so it stores the whole item.
    const kept = item;
    units += Math.ceil(itemSize(kept) / 1024);
  }
  return units;
}

type Input = Record<string, unknown>;

function itemsPut(action: string, input: Input): Array<Record<string, unknown>> {
  if (action === 'PutItem') return [input.Item as Record<string, unknown>];
  if (action !== 'BatchWriteItem') return [];
  const requests = Object.values((input.RequestItems ?? {}) as Record<string, Array<{ PutRequest?: { Item: Input } }>>);
  return requests.flat().flatMap((request) => (request.PutRequest ? [request.PutRequest.Item] : []));
}

function unitsIn(consumed: unknown): number {
  const list = Array.isArray(consumed) ? consumed : consumed ? [consumed] : [];
  return list.reduce((sum: number, each: { CapacityUnits?: number }) => sum + (each.CapacityUnits ?? 0), 0);
}

export function createCallRecorder(): CallRecorder {
  const current = new AsyncLocalStorage<Invocation>();
  const latest = new Map<string, Invocation>();
  const unitsByRoute = new Map<string, Units[]>();
  let durations = new Map<string, number[]>();
  return {
    wrapHandler: (_group, handler) => async (event, context) => {
      const invocation: Invocation = { calls: [], queried: [], units: noUnits() };
      try {
        return await current.run(invocation, () => handler(event, context));
      } finally {
        latest.set(event.routeKey, invocation);
        const list = unitsByRoute.get(event.routeKey) ?? [];
        list.push(invocation.units);
        unitsByRoute.set(event.routeKey, list);
      }
    },
    async install() {
      const { db } = await import('#shared/kernel/table/client.ts');
      db.middlewareStack.add(
        (next, context) => async (args) => {
          const action = actionOf(String(context.commandName));
          const invocation = current.getStore();
          const input = args.input as Input;
          invocation?.calls.push(action);
          if (action === 'Query') invocation?.queried.push(prefixOf(input));
          const asked = WRITES.has(action) || READS.has(action);
          const started = performance.now();
          try {
            // Every command asks for its consumed capacity; the reply is otherwise the same.
            const result = await next(asked ? { ...args, input: { ...input, ReturnConsumedCapacity: 'TOTAL' } } : args);
            if (invocation && asked) {
              const units = unitsIn((result.output as { ConsumedCapacity?: unknown }).ConsumedCapacity);
              if (WRITES.has(action)) {
                invocation.units.write += units;
                for (const item of itemsPut(action, input)) invocation.units.indexWrite += indexWriteUnits(item);
              } else invocation.units.read += units;
            }
            return result;
          } finally {
            const list = durations.get(action) ?? [];
            list.push(performance.now() - started);
            durations.set(action, list);
          }
        },
        { step: 'initialize', name: 'benchCallCounter' },
      );
    },
    last: (routeKey) => [...(latest.get(routeKey)?.calls ?? [])],
    lastQueried: (routeKey) => [...(latest.get(routeKey)?.queried ?? [])],
    lastUnits: (routeKey) => ({ ...(latest.get(routeKey)?.units ?? noUnits()) }),
    takeUnits(routeKey) {
      const taken = unitsByRoute.get(routeKey) ?? [];
      unitsByRoute.set(routeKey, []);
      return taken;
    },
    takeDurations() {
      const taken = durations;
      durations = new Map();
      return taken;
    },
  };
}

/** How many of `calls` are `action`. */
export function count(calls: string[], action: string): number {
  return calls.filter((call) => call === action).length;
}
