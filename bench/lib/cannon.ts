/**
 * The load generator, run in its own process so it never competes with the server for the
 * event loop: `node --import tsx bench/lib/cannon.ts <json>`. Every request registers a different
 * committee member; request i goes to session i / PER_SESSION, so no session passes its 3,000
 * people. Prints autocannon's result as JSON.
 */
import autocannon from 'autocannon';
import { committeeMembers } from '#test/support/crowd.ts';

export interface CannonPlan {
  url: string;
  /** Paths to POST to, one per session, used in turn as each fills up. */
  paths: string[];
  perSession: number;
  token: string;
  connections: number;
  seconds: number;
}

const plan = JSON.parse(process.argv[2] ?? '{}') as CannonPlan;
const people = committeeMembers(plan.perSession).map((person) => JSON.stringify(person));
let sent = 0;

const result = await autocannon({
  url: plan.url,
  connections: plan.connections,
  duration: plan.seconds,
  timeout: 10,
  requests: [
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${plan.token}` },
      setupRequest: (request) => {
        const index = sent++;
        const path = plan.paths[Math.floor(index / plan.perSession) % plan.paths.length] ?? '/';
        return { ...request, path, body: people[index % plan.perSession] };
      },
    },
  ],
});
process.stdout.write(JSON.stringify({ ...result, sent }));
