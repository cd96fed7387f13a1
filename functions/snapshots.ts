/**
 * The daily snapshot of every running wave's readiness totals, invoked by EventBridge Scheduler
 * at 07:00 where the regency is (and by `npm start` at start and then daily). The board's trend
 * is drawn from these.
 */
import { log } from '#shared/kernel/log.ts';
import { takeSnapshots } from '#shared/waves/use-cases/readiness.ts';

export async function handler(): Promise<{ waves: number }> {
  const taken = await takeSnapshots();
  for (const snapshot of taken) log.info('readiness snapshot', { ...snapshot });
  return { waves: taken.length };
}
