import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { CfnSchedule } from 'aws-cdk-lib/aws-scheduler';
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
  readonly schedules = new Map<ScheduledFunction, CfnSchedule>();

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
      // Its own role, allowed to invoke this function and nothing else (not even its versions).
      const role = new iam.Role(this, `Invoker-${name}`, {
        assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com'),
      });
      role.addToPolicy(new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [fn.fn.functionArn] }));
      const schedule = new CfnSchedule(this, `Schedule-${name}`, {
        description: `SIAP Pilkades ${name}, daily at ${String(settings.hour).padStart(2, '0')}:${String(settings.minute).padStart(2, '0')} ${props.timeZone}`,
        scheduleExpression: `cron(${settings.minute} ${settings.hour} * * ? *)`,
        scheduleExpressionTimezone: props.timeZone,
        flexibleTimeWindow: { mode: 'OFF' },
        target: {
          arn: fn.fn.functionArn,
          roleArn: role.roleArn,
          retryPolicy: { maximumRetryAttempts: 2, maximumEventAgeInSeconds: 7_200 },
        },
      });
      this.functions.set(name, fn);
      this.schedules.set(name, schedule);
    }
  }
}
