/**
 * Counts the DynamoDB commands each request makes, with a middleware on the shared document
 * client (as the least-privilege test does). A handler wrapper gives every invocation its own
 * list, so calls are attributed to the request that made them even when requests overlap.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { LambdaHandler } from '#local/gateway.ts';
import type { FunctionGroup } from '#shared/routes.ts';

/** The DynamoDB API action of a document-client (or low-level) command name. */
export function actionOf(commandName: string): string {
  return commandName.replace(/Command$/, '').replace(/^(Get|Put|Update|Delete|BatchGet|BatchWrite)$/, '$1Item');
}

export interface CallRecorder {
  /** Pass to the local stack as `wrapHandler`. */
  wrapHandler(group: FunctionGroup, handler: LambdaHandler): LambdaHandler;
  /** Adds the counting middleware to the shared client; call once the stack has set the environment. */
  install(): Promise<void>;
  /** The actions made by the latest invocation of a route (`POST /sessions/{sessionId}/registrations`). */
  last(routeKey: string): string[];
  /** Milliseconds each action took (send to reply) since the last call; starts a new tally. */
  takeDurations(): Map<string, number[]>;
}

export function createCallRecorder(): CallRecorder {
  const current = new AsyncLocalStorage<string[]>();
  const latest = new Map<string, string[]>();
  let durations = new Map<string, number[]>();
  return {
    wrapHandler: (_group, handler) => async (event, context) => {
      const calls: string[] = [];
      try {
        return await current.run(calls, () => handler(event, context));
      } finally {
        latest.set(event.routeKey, calls);
      }
    },
    async install() {
      const { db } = await import('#shared/kernel/table/client.ts');
      db.middlewareStack.add(
        (next, context) => async (args) => {
          const action = actionOf(String(context.commandName));
          current.getStore()?.push(action);
          const started = performance.now();
          try {
            return await next(args);
          } finally {
            const list = durations.get(action) ?? [];
            list.push(performance.now() - started);
            durations.set(action, list);
          }
        },
        { step: 'initialize', name: 'benchCallCounter' },
      );
    },
    last: (routeKey) => [...(latest.get(routeKey) ?? [])],
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
