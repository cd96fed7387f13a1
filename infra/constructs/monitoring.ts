import { join } from 'node:path';
import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, type IMetric, MathExpression, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { type ITableV2, Operation } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { SiapFunction } from './siap-function.ts';

export interface MonitoringProps {
  api: HttpApi;
  functions: ReadonlyMap<string, SiapFunction>;
  table: ITableV2;
  /** Who hears about alarms; without it the topic still exists for later subscriptions. */
  alarmEmail?: string;
  /** The public health route, as people reach it (`https://…/health`). */
  healthUrl: string;
}

const FIVE_MINUTES = Duration.minutes(5);

/**
 * The alarms an election desk needs on voting week: the API failing (5xx rate) or turning people
 * away (4xx rate, which includes 429 throttling), a function erroring or being throttled,
 * DynamoDB throttling, and the health check failing. All notify one encrypted SNS topic.
 */
export class Monitoring extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];
  /** Calls the public `GET /health` once a minute; its failures are the health alarm. */
  readonly healthCheck: SiapFunction;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const key = new kms.Key(this, 'TopicKey', { enableKeyRotation: true, description: 'SIAP Pilkades alarm topic' });
    this.topic = new Topic(this, 'Alarms', { enforceSSL: true, masterKey: key });
    // CloudWatch alarms publish to the encrypted topic.
    key.grantEncryptDecrypt(new ServicePrincipal('cloudwatch.amazonaws.com'));
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));

    const rate = (id: string, errors: IMetric, label: string) =>
      new MathExpression({
        expression: `100 * errors / MAX([requests, 1])`,
        usingMetrics: { errors, requests: props.api.metricCount({ period: FIVE_MINUTES, statistic: 'Sum' }) },
        period: FIVE_MINUTES,
        label: `${label} (${id})`,
      });

    this.alarm(
      'Api5xxRate',
      rate('5xx', props.api.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' }), 'Server errors %'),
      1,
      2,
      'More than 1% of API requests failed with 5xx',
    );
    this.alarm(
      'Api4xxRate',
      rate('4xx', props.api.metricClientError({ period: FIVE_MINUTES, statistic: 'Sum' }), 'Client errors %'),
      25,
      3,
      'More than 25% of API requests were refused (4xx, including 429 throttling)',
    );
    for (const [group, fn] of props.functions) {
      this.alarm(
        `Errors-${group}`,
        fn.fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }),
        1,
        2,
        `The ${group} function raised errors`,
      );
      this.alarm(
        `Throttles-${group}`,
        fn.fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' }),
        1,
        1,
        `The ${group} function was throttled`,
      );
    }
    this.alarm(
      'TableThrottles',
      props.table.metricThrottledRequestsForOperations({
        operations: [
          Operation.GET_ITEM,
          Operation.QUERY,
          Operation.PUT_ITEM,
          Operation.UPDATE_ITEM,
          Operation.DELETE_ITEM,
          Operation.BATCH_WRITE_ITEM,
          Operation.BATCH_GET_ITEM,
        ],
        period: FIVE_MINUTES,
      }),
      1,
      1,
      'DynamoDB throttled requests',
    );

    // A route metric on GET /health would only speak when someone calls it, and a Synthetics canary
    // brings a browser runtime, a bucket and wide permissions for one GET. A small scheduled function
    // calls the public address instead, so the alarm covers CloudFront, the WAF, the API and the data.
    this.healthCheck = new SiapFunction(this, 'HealthCheck', {
      entry: join(import.meta.dirname, '..', 'probes', 'health.ts'),
      memoryMb: 128,
      timeoutSeconds: 10,
      environment: { HEALTH_URL: props.healthUrl },
    });
    // One failed check is one error: no retries blur the count.
    this.healthCheck.fn.configureAsyncInvoke({ retryAttempts: 0, maxEventAge: Duration.minutes(1) });
    new Rule(this, 'HealthSchedule', {
      description: 'SIAP Pilkades: GET /health once a minute',
      schedule: Schedule.rate(Duration.minutes(1)),
      targets: [new LambdaFunction(this.healthCheck.fn, { retryAttempts: 0 })],
    });
    this.alarm(
      'Health',
      this.healthCheck.fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }),
      3,
      1,
      'GET /health on the public address failed 3 or more times in five minutes, or was not checked',
      // No data means the check itself did not run: that is not "healthy".
      TreatMissingData.BREACHING,
    );
  }

  private alarm(
    id: string,
    metric: IMetric,
    threshold: number,
    periods: number,
    description: string,
    treatMissingData = TreatMissingData.NOT_BREACHING,
  ): void {
    const alarm = new Alarm(this, id, {
      metric,
      threshold,
      evaluationPeriods: periods,
      datapointsToAlarm: periods,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData,
      alarmDescription: description,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    alarm.addOkAction(new SnsAction(this.topic));
    this.alarms.push(alarm);
  }
}
