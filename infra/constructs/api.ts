import { join } from 'node:path';
import { RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  HttpApi,
  HttpMethod,
  type HttpStage,
  type IHttpRouteAuthorizer,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { tableDefinition } from '#shared/kernel/table/keys.ts';
import { type FunctionGroup, functionGroups, type OperationId, routeKey, routes } from '#shared/routes.ts';
import { pdfFontFiles } from '../fonts.ts';
import { groupSettings } from '../function-groups.ts';
import { SiapFunction } from './siap-function.ts';

/** Stage-wide limits, well below the account's 2,500 rps / 1,250 burst in ap-southeast-3. */
export const STAGE_THROTTLE = { rateLimit: 500, burstLimit: 250 } as const;

/** Tighter limits for the public routes a stranger could hammer. */
export const PUBLIC_ROUTE_THROTTLE = { rateLimit: 50, burstLimit: 25 } as const;

/** Why each public route needs no token; the reasons stand next to the routes they excuse. */
const PUBLIC_REASONS: Partial<Record<FunctionGroup | OperationId, string>> = {
  getHealth: 'The health probe carries no data (it answers "ok" or fails); the alarm calls it without a token.',
  web: 'Pages, scripts and the public sign-in settings must load before anyone can sign in.',
  openapi: 'The API description holds no data; publishing it lets regencies integrate.',
  receipts:
    'Villages have no accounts: the 128-bit receipt code in the path is the credential, failures are rate-limited per caller.',
  invitations:
    'Participants have no accounts: a unit’s 128-bit invitation code, a pass token or a certificate code in the path is the credential; unknown codes are rate-limited per caller, registrations per code.',
  documents:
    'Villages upload the signed BAST with their receipt code (128-bit, rate-limited); organizer downloads stay behind the JWT authorizer.',
};

export interface ApiProps {
  table: ITableV2;
  bucket: IBucket;
  secretsKey: IKey;
  environment: Record<string, string>;
  /** Absolute path of the built pages, copied next to the `web` function. */
  webDir: string;
  /** Absolute path of the PDF fonts, copied next to the functions that draw PDFs. */
  fontsDir: string;
  functionsDir: string;
}

/**
 * The HTTP API and its functions, built from the route table: one function per route group, one
 * route per table entry, the JWT authorizer on every route that is not public.
 */
export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly functions = new Map<FunctionGroup, SiapFunction>();
  private readonly props: ApiProps;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    this.props = props;
    this.httpApi = new HttpApi(this, 'Http', {
      apiName: `siap-pilkades-${Stack.of(this).stackName}`,
      createDefaultStage: false,
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.SIX_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stage = this.httpApi.addStage('Stage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: STAGE_THROTTLE,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        // One JSON line per request. The route key is the template, so receipt codes never reach the logs.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            integrationLatencyMs: '$context.integrationLatency',
            responseBytes: '$context.responseLength',
            error: '$context.error.message',
            integrationError: '$context.integrationErrorMessage',
            userAgent: '$context.identity.userAgent',
          }),
        ),
      },
    });
  }

  /** The API's base URL. */
  get url(): string {
    return this.httpApi.apiEndpoint;
  }

  /**
   * Creates the functions and routes; `authorizer` guards every non-public route. `environment` is
   * what every function gets besides the construct's own (known only once the edge exists), `byGroup`
   * what only some do; `userPool` is the pool whose accounts the `users` function manages.
   */
  addRoutes(
    authorizer: IHttpRouteAuthorizer,
    environment: Record<string, string>,
    byGroup: Partial<Record<FunctionGroup, Record<string, string>>>,
    userPool: IUserPool,
  ) {
    const integrations = new Map<FunctionGroup, HttpLambdaIntegration>();
    for (const group of functionGroups) {
      const settings = groupSettings[group];
      const fn = new SiapFunction(this, `Fn-${group}`, {
        entry: `${this.props.functionsDir}/${group}.ts`,
        memoryMb: settings.memoryMb,
        timeoutSeconds: settings.timeoutSeconds,
        environment: { ...this.props.environment, ...environment, ...byGroup[group] },
        copy: {
          ...(settings.includeWeb ? { web: this.props.webDir } : {}),
          ...(settings.includeFonts
            ? Object.fromEntries(pdfFontFiles.map((file) => [`fonts/${file}`, join(this.props.fontsDir, file)]))
            : {}),
        },
      });
      fn.bindTable(
        this.props.table,
        settings.table,
        tableDefinition.globalIndexes.map((index) => index.name),
      );
      fn.bindBucket(this.props.bucket, settings.bucket);
      fn.bindKey(this.props.secretsKey, settings.secrets ?? []);
      fn.bindUserPool(userPool, settings.userPool ?? []);
      this.functions.set(group, fn);
      integrations.set(group, new HttpLambdaIntegration(`Integration-${group}`, fn.fn));
    }
    // RouteSettings is a JSON property that CDK passes through as written, so its keys must be
    // CloudFormation's own (PascalCase); camelCase ones are not the documented shape.
    const publicRouteSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
    for (const route of routes) {
      const [created] = this.httpApi.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: integrations.get(route.group) as HttpLambdaIntegration,
        authorizer: route.access === 'public' ? undefined : authorizer,
      });
      if (route.access === 'public' && created) {
        Validations.of(created).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: PUBLIC_REASONS[route.operationId] ?? PUBLIC_REASONS[route.group] ?? '',
        });
        publicRouteSettings[routeKey(route)] = {
          ThrottlingRateLimit: PUBLIC_ROUTE_THROTTLE.rateLimit,
          ThrottlingBurstLimit: PUBLIC_ROUTE_THROTTLE.burstLimit,
        };
      }
    }
    const cfnStage = this.stage.node.defaultChild as CfnStage;
    cfnStage.routeSettings = publicRouteSettings;
    // Route settings name routes, so the stage must wait for them.
    for (const child of this.httpApi.node.children) {
      if (child.node.id.includes('Route')) cfnStage.node.addDependency(child);
    }
  }
}
