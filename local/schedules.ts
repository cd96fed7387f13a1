/**
 * The local stand-in for EventBridge Scheduler: runs each scheduled function once at start and
 * then daily at its hour in the regency's time zone, as the deployed schedule does.
 */
import { type ScheduledFunction, scheduledFunctions, scheduledSettings } from '#infra/function-groups.ts';
import { calendarDate } from '#shared/kernel/pdf/dates.ts';

/** The regency's wall clock now: its calendar day and the minutes since midnight. */
function wallClock(timeZone: string, now: Date): { day: string; minutes: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(now)
      .map(({ type, value }) => [type, value]),
  );
  return { day: calendarDate(now, timeZone), minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

/** Starts the schedules; answers a function that stops them. */
export async function startSchedules(timeZone: string, log: (line: string) => void): Promise<() => void> {
  const lastRun = new Map<ScheduledFunction, string>();
  const run = async (name: ScheduledFunction, day: string) => {
    lastRun.set(name, day);
    try {
      const module = (await import(`../functions/${name}.ts`)) as { handler: () => Promise<unknown> };
      log(`${name}: ${JSON.stringify(await module.handler())}`);
    } catch (error) {
      log(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const start = wallClock(timeZone, new Date());
  await Promise.all(scheduledFunctions.map((name) => run(name, start.day)));
  const timer = setInterval(() => {
    const now = wallClock(timeZone, new Date());
    for (const name of scheduledFunctions) {
      const { hour, minute } = scheduledSettings[name];
      if (lastRun.get(name) !== now.day && now.minutes >= hour * 60 + minute) void run(name, now.day);
    }
  }, 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
