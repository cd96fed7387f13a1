/**
 * A local stack in a child process that can be killed in the middle of a request, as a Lambda
 * instance dies (out of memory, a timeout, a host failure): with `CRASH_ON=<Command>:<sort key
 * prefix>:<n>` it sends SIGKILL to itself just before the n-th such DynamoDB write leaves. Data is
 * kept in DATA_DIR, so a second run (without CRASH_ON) sees what the dead one left. Prints one JSON
 * line with its address and tokens, then serves until killed.
 */
import { startLocalStack } from '#local/stack.ts';

const dataDir = process.env.DATA_DIR;
if (!dataDir) throw new Error('DATA_DIR is required');
const stack = await startLocalStack({ dataDir, seed: true });
const rule = process.env.CRASH_ON?.split(':');
if (rule) {
  const [command, prefix = '', nth = '1'] = rule;
  let seen = 0;
  const { db } = await import('#shared/kernel/table/client.ts');
  db.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { Item?: { SK?: string }; Key?: { SK?: string } };
      const sortKey = input.Item?.SK ?? input.Key?.SK ?? '';
      if (
        String(context.commandName).replace(/Item(Command)$/, '$1') === command &&
        sortKey.startsWith(prefix) &&
        ++seen === Number(nth)
      ) {
        process.kill(process.pid, 'SIGKILL');
      }
      return next(args);
    },
    { step: 'initialize', name: 'crashProbe' },
  );
}
console.log(
  JSON.stringify({
    url: stack.url,
    dynamoEndpoint: stack.dynamoEndpoint,
    tableName: stack.tableName,
    organizer: await stack.token('organizer'),
    admin: await stack.token('admin'),
  }),
);
