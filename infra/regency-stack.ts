import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import type { Construct } from 'constructs';
import { Api } from './constructs/api.ts';
import { Auth } from './constructs/auth.ts';
import { DataStore } from './constructs/data-store.ts';
import { Monitoring } from './constructs/monitoring.ts';
import { Schedules } from './constructs/schedules.ts';
import type { RegencyConfig } from './regency-config.ts';

export interface RegencyStackProps extends StackProps {
  regency: RegencyConfig;
  webDir: string;
  /** The cut-down PDF fonts (infra/fonts.ts), copied next to the functions that draw PDFs. */
  fontsDir: string;
  functionsDir: string;
}

/**
 * Everything one regency runs on: its data (table and documents bucket, retained), its accounts
 * (Cognito), and the HTTP API with one function per route group.
 */
export class RegencyStack extends Stack {
  readonly data: DataStore;
  readonly auth: Auth;
  readonly api: Api;
  readonly schedules: Schedules;

  constructor(scope: Construct, id: string, props: RegencyStackProps) {
    super(scope, id, props);
    const { regency } = props;
    this.data = new DataStore(this, 'Data');
    const environment = { REGENCY_NAME: regency.name, REGENCY_SLUG: regency.slug, REGENCY_TIME_ZONE: regency.timeZone };
    this.api = new Api(this, 'Api', {
      table: this.data.table,
      bucket: this.data.bucket,
      secretsKey: this.data.secretsKey,
      webDir: props.webDir,
      fontsDir: props.fontsDir,
      functionsDir: props.functionsDir,
      environment,
    });
    this.schedules = new Schedules(this, 'Schedules', {
      table: this.data.table,
      environment,
      functionsDir: props.functionsDir,
      timeZone: regency.timeZone,
    });
    this.auth = new Auth(this, 'Auth', {
      domainPrefix: regency.cognitoDomainPrefix,
      callbackUrl: `${this.api.url}/`,
    });
    const authorizer = new HttpUserPoolAuthorizer('Organizers', this.auth.userPool, {
      userPoolClients: [this.auth.client],
      identitySource: ['$request.header.Authorization'],
    });
    this.api.addRoutes(authorizer, {
      web: {
        AUTH_MODE: 'cognito',
        COGNITO_DOMAIN: this.auth.domain.baseUrl(),
        COGNITO_CLIENT_ID: this.auth.client.userPoolClientId,
      },
    });

    new Monitoring(this, 'Monitoring', {
      api: this.api.httpApi,
      functions: new Map([...this.api.functions, ...this.schedules.functions]),
      table: this.data.table,
      alarmEmail: regency.alarmEmail,
    });

    new CfnOutput(this, 'Url', { value: `${this.api.url}/`, description: 'Open this address to use SIAP Pilkades' });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
    new CfnOutput(this, 'BucketName', { value: this.data.bucket.bucketName });
  }
}
