/**
 * The health check: once a minute, GET <public address>/health the way a village's phone would
 * (through CloudFront, the WAF, the API and the function down to the table and the bucket). A
 * reply other than 200 `{ "status": "ok" }` fails the invocation, which the health alarm counts.
 */

/** Fails unless `url` answers 200 with `{ "status": "ok" }` within the timeout. */
export async function checkHealth(url: string, timeoutMs = 8000): Promise<void> {
  const reply = await fetch(url, {
    headers: { accept: 'application/json', 'user-agent': 'siap-pilkades-health-check' },
    redirect: 'manual',
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = await reply.text();
  let status: unknown;
  try {
    status = (JSON.parse(body) as { status?: unknown }).status;
  } catch {
    status = undefined;
  }
  if (reply.status !== 200 || status !== 'ok') {
    throw new Error(`GET ${url} answered ${reply.status}: ${body.slice(0, 200)}`);
  }
}

// Read once per cold start; a probe without an address is a deployment error, reported on every run.
const healthUrl = process.env.HEALTH_URL;

export async function handler(): Promise<void> {
  if (!healthUrl) throw new Error('HEALTH_URL is not set');
  await checkHealth(healthUrl);
}
