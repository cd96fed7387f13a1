import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { BucketAction, TableAction } from '../function-groups.ts';

export interface SiapFunctionProps {
  /** Path of the handler module (`functions/<group>.ts`). */
  entry: string;
  memoryMb: number;
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
    this.fn = new NodejsFunction(this, 'Function', {
      entry: props.entry,
      handler: 'handler',
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memoryMb,
      timeout: Duration.seconds(10),
      tracing: Tracing.ACTIVE,
      loggingFormat: LoggingFormat.JSON,
      logGroup,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: 'siap-pilkades',
        POWERTOOLS_LOG_LEVEL: 'INFO',
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node24',
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        mainFields: ['module', 'main'],
        // Some dependencies still call require(); give the ESM bundle one.
        banner: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);",
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
  }

  /** Grants exactly these actions on the table and its indexes, and tells the code its name. */
  bindTable(table: ITableV2, actions: readonly TableAction[]): void {
    if (actions.length === 0) return;
    this.fn.addEnvironment('TABLE_NAME', table.tableName);
    this.fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: actions.map((action) => `dynamodb:${action}`),
        resources: [table.tableArn, `${table.tableArn}/index/*`],
      }),
    );
  }

  /** Grants exactly these object actions on the bucket, and tells the code its name. */
  bindBucket(bucket: IBucket, actions: readonly BucketAction[]): void {
    if (actions.length === 0) return;
    this.fn.addEnvironment('BUCKET_NAME', bucket.bucketName);
    this.fn.addToRolePolicy(new iam.PolicyStatement({ actions: [...actions], resources: [bucket.arnForObjects('*')] }));
    if (bucket.encryptionKey) bucket.encryptionKey.grantEncryptDecrypt(this.fn);
  }
}
