import { Duration, TimeZone } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import { tableDefinition } from '#shared/kernel/table/keys.ts';
import { type ScheduledFunction, scheduledFunctions, scheduledSettings } from '../function-groups.ts';
import { SiapFunction } from './siap-function.ts';

export interface SchedulesProps {
  table: ITableV2;
  environment: Record<string, string>;
  functionsDir: string;
  /** The regency's IANA time zone: schedules run at its wall-clock hours. */
  timeZone: string;
}

/**
 * The functions that run on a clock rather than a request: each gets exactly its table actions and
 * an EventBridge Scheduler schedule (daily, at its hour in the regency's time zone) whose role may
 * invoke that function and nothing else.
 */
export class Schedules extends Construct {
  readonly functions = new Map<ScheduledFunction, SiapFunction>();
  readonly schedules = new Map<ScheduledFunction, Schedule>();

  constructor(scope: Construct, id: string, props: SchedulesProps) {
    super(scope, id);
    for (const name of scheduledFunctions) {
      const settings = scheduledSettings[name];
      const fn = new SiapFunction(this, `Fn-${name}`, {
        entry: `${props.functionsDir}/${name}.ts`,
        memoryMb: settings.memoryMb,
        timeoutSeconds: settings.timeoutSeconds,
        environment: props.environment,
      });
      fn.bindTable(
        props.table,
        settings.table,
        tableDefinition.globalIndexes.map((index) => index.name),
      );
      const schedule = new Schedule(this, `Schedule-${name}`, {
        description: `SIAP Pilkades ${name}, daily at ${String(settings.hour).padStart(2, '0')}:${String(settings.minute).padStart(2, '0')} ${props.timeZone}`,
        schedule: ScheduleExpression.cron({
          minute: String(settings.minute),
          hour: String(settings.hour),
          timeZone: TimeZone.of(props.timeZone),
        }),
        target: new LambdaInvoke(fn.fn, { retryAttempts: 2, maxEventAge: Duration.hours(2) }),
      });
      this.functions.set(name, fn);
      this.schedules.set(name, schedule);
    }
  }
}
