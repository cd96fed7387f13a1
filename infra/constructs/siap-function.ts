import { type CfnElement, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import {
  ApplicationLogLevel,
  Architecture,
  LoggingFormat,
  Runtime,
  SystemLogLevel,
  Tracing,
} from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { folders } from '#shared/kernel/uploads/folders.ts';
import { bundling } from '../bundling.ts';
import type { BucketAction, KeyAction, TableAction, UserPoolAction } from '../function-groups.ts';

export interface SiapFunctionProps {
  /** Path of the handler module (`functions/<group>.ts`). */
  entry: string;
  memoryMb: number;
  /** Seconds a call may run; 10 by default. */
  timeoutSeconds?: number;
  environment: Record<string, string>;
  /** Files or folders copied next to the bundle: `{ 'fonts/DejaVuSans.ttf': '/abs/source' }`. */
  copy?: Record<string, string>;
}

/**
 * A Lambda function with every project default set once: current Node.js runtime on arm64,
 * esbuild bundle (minified ESM, source maps), structured JSON logs in a log group with a retention,
 * X-Ray tracing, short timeout. Permissions are added only through `bindTable` / `bindBucket`.
 */
export class SiapFunction extends Construct {
  readonly fn: NodejsFunction;

  constructor(scope: Construct, id: string, props: SiapFunctionProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', {
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const copies = Object.entries(props.copy ?? {});
    // Our own role instead of AWSLambdaBasicExecutionRole: it may write to this function's log group only.
    const role = new iam.Role(this, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        // The log group's ARN attribute ends in ":*", which covers its log streams.
        resources: [logGroup.logGroupArn],
      }),
    );
    this.fn = new NodejsFunction(this, 'Function', {
      role,
      entry: props.entry,
      handler: 'handler',
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memoryMb,
      timeout: Duration.seconds(props.timeoutSeconds ?? 10),
      tracing: Tracing.ACTIVE,
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel.INFO,
      systemLogLevelV2: SystemLogLevel.WARN,
      logGroup,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        target: bundling.target,
        minify: bundling.minify,
        sourceMap: true,
        sourcesContent: false,
        mainFields: [...bundling.mainFields],
        banner: bundling.banner,
        esbuildArgs: Object.fromEntries(Object.entries(bundling.alias).map(([from, to]) => [`--alias:${from}`, to])),
        externalModules: [],
        commandHooks:
          copies.length === 0
            ? undefined
            : {
                beforeBundling: () => [],
                beforeInstall: () => [],
                afterBundling: (_input: string, output: string) =>
                  copies.map(
                    ([name, from]) =>
                      `mkdir -p "$(dirname "${output}/${name}")" && cp -R "${from}" "${output}/${name}"`,
                  ),
              },
      },
    });
    this.acknowledgeTracing();
  }

  /** X-Ray's write actions have no resource-level permissions; acknowledged once per function. */
  private acknowledgeTracing(): void {
    Validations.of(this.fn.role as iam.IRole).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Active tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords, which only accept Resource "*".',
    });
  }

  /** Grants exactly these actions on the table and its indexes, and tells the code its name. */
  bindTable(table: ITableV2, actions: readonly TableAction[], indexNames: readonly string[]): void {
    if (actions.length === 0) return;
    this.fn.addEnvironment('TABLE_NAME', table.tableName);
    this.fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: actions.map((action) => `dynamodb:${action}`),
        resources: [table.tableArn, ...indexNames.map((name) => `${table.tableArn}/index/${name}`)],
      }),
    );
  }

  /** Grants exactly these actions on the user pool (and nothing else), and tells the code which pool it is. */
  bindUserPool(pool: IUserPool, actions: readonly UserPoolAction[]): void {
    if (actions.length === 0) return;
    this.fn.addEnvironment('USER_POOL_ID', pool.userPoolId);
    this.fn.addToRolePolicy(new iam.PolicyStatement({ actions: [...actions], resources: [pool.userPoolArn] }));
  }

  /** Grants exactly these actions on the secrets key, and tells the code which key it is. */
  bindKey(key: kms.IKey, actions: readonly KeyAction[]): void {
    if (actions.length === 0) return;
    this.fn.addEnvironment('SECRETS_KEY_ID', key.keyArn);
    this.fn.addToRolePolicy(new iam.PolicyStatement({ actions: [...actions], resources: [key.keyArn] }));
  }

  /** Grants exactly these object actions on the bucket's document folders, and tells the code its name. */
  bindBucket(bucket: IBucket, actions: readonly BucketAction[]): void {
    if (actions.length === 0) return;
    this.fn.addEnvironment('BUCKET_NAME', bucket.bucketName);
    const prefixes = Object.values(folders).map((folder) => `${folder}/*`);
    this.fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: [...actions],
        resources: prefixes.map((prefix) => bucket.arnForObjects(prefix)),
      }),
    );
    if (bucket.encryptionKey) bucket.encryptionKey.grantEncryptDecrypt(this.fn);
    const bucketId = Stack.of(this).getLogicalId(bucket.node.defaultChild as CfnElement);
    for (const prefix of prefixes) {
      Validations.of(this.fn.role as iam.IRole).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${prefix}]`,
        reason:
          'Document keys are generated per upload (shipments/<shipment>/<document>/<file>, invitations/<invitation>/…, and their verified copies under verified/); the grant is limited to those folders.',
      });
    }
  }
}
