import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, type IMetric, MathExpression, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { type ITableV2, Operation } from 'aws-cdk-lib/aws-dynamodb';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import type { SiapFunction } from './siap-function.ts';

export interface MonitoringProps {
  api: HttpApi;
  functions: ReadonlyMap<string, SiapFunction>;
  table: ITableV2;
  /** Who hears about alarms; without it the topic still exists for later subscriptions. */
  alarmEmail?: string;
}

const FIVE_MINUTES = Duration.minutes(5);

/**
 * The alarms an election desk needs on voting week: the API failing (5xx rate) or turning people
 * away (4xx rate, which includes 429 throttling), a function erroring or being throttled, and
 * DynamoDB throttling. All notify one encrypted SNS topic.
 */
export class Monitoring extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];

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
  }

  private alarm(id: string, metric: IMetric, threshold: number, periods: number, description: string): void {
    const alarm = new Alarm(this, id, {
      metric,
      threshold,
      evaluationPeriods: periods,
      datapointsToAlarm: periods,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    alarm.addOkAction(new SnsAction(this.topic));
    this.alarms.push(alarm);
  }
}
