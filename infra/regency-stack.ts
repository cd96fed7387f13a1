import { CfnOutput, CrossStackReferences, ReferenceStrength, Stack, type StackProps } from 'aws-cdk-lib';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { UserPoolOperation } from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import { Api } from './constructs/api.ts';
import { Auth } from './constructs/auth.ts';
import { DataStore } from './constructs/data-store.ts';
import { Edge } from './constructs/edge.ts';
import { Monitoring } from './constructs/monitoring.ts';
import { Schedules } from './constructs/schedules.ts';
import { SiapFunction } from './constructs/siap-function.ts';
import type { EdgeStack } from './edge-stack.ts';
import { signInTriggerSettings } from './function-groups.ts';
import type { RegencyConfig } from './regency-config.ts';

export interface RegencyStackProps extends StackProps {
  regency: RegencyConfig;
  /** The regency's companion stack in us-east-1: its web ACL and CloudFront log bucket. */
  edge: EdgeStack;
  webDir: string;
  /** The cut-down PDF fonts (infra/fonts.ts), copied next to the functions that draw PDFs. */
  fontsDir: string;
  functionsDir: string;
}

/**
 * Everything one regency runs on: its data (table and documents bucket, retained), its accounts
 * (Cognito), the HTTP API with one function per route group, and the CloudFront distribution
 * that is its only public address.
 */
export class RegencyStack extends Stack {
  readonly data: DataStore;
  readonly auth: Auth;
  readonly api: Api;
  readonly schedules: Schedules;
  readonly edge: Edge;
  readonly monitoring: Monitoring;
  /** Cognito's post-authentication trigger: notes each sign-in for the people list. */
  readonly signIns: SiapFunction;

  constructor(scope: Construct, id: string, props: RegencyStackProps) {
    super(scope, id, props);
    // The web ACL and the log bucket live in us-east-1. Weak references read them with CloudFormation's
    // own Fn::GetStackOutput (cross-region), so no custom resource, Lambda or SSM parameter is needed
    // and synth stays offline. The protection strong references would add is not needed: WAF refuses
    // to delete a web ACL a distribution uses, and the log bucket is retained.
    CrossStackReferences.of(this).consume(ReferenceStrength.WEAK);
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
    // No cycle: the distribution needs only the API's id (not its routes), the functions need the
    // distribution's domain name, and the routes need the functions. CloudFormation creates the API,
    // then the distribution, then the functions, then the routes. With a custom domain the address
    // is a literal; only the pages function still waits, for the sign-in client that lists both names.
    // (Setting PUBLIC_URL after creation with a custom resource would be needed only if the
    // distribution depended on a function, e.g. a Lambda function URL origin; it does not.)
    this.edge = new Edge(this, 'Edge', {
      api: this.api.httpApi,
      webAclArn: props.edge.webAcl.attrArn,
      logBucket: props.edge.logBucket,
      domainName: regency.domainName,
      certificateArn: regency.certificateArn,
    });
    const publicUrl = this.edge.publicUrl;
    this.auth = new Auth(this, 'Auth', {
      domainPrefix: regency.cognitoDomainPrefix,
      // The distribution's own address keeps working beside a custom domain, so sign-in works on both.
      callbackUrls: [...new Set([`${publicUrl}/`, `${this.edge.distributionUrl}/`])],
      adminEmail: regency.adminEmail,
    });
    this.signIns = new SiapFunction(this, 'SignIns', {
      entry: `${props.functionsDir}/signins.ts`,
      memoryMb: signInTriggerSettings.memoryMb,
      timeoutSeconds: signInTriggerSettings.timeoutSeconds,
      environment,
    });
    this.signIns.bindTable(this.data.table, signInTriggerSettings.table, []);
    this.auth.userPool.addTrigger(UserPoolOperation.POST_AUTHENTICATION, this.signIns.fn);
    const authorizer = new HttpUserPoolAuthorizer('Organizers', this.auth.userPool, {
      userPoolClients: [this.auth.client],
      identitySource: ['$request.header.Authorization'],
    });
    this.api.addRoutes(
      authorizer,
      // Every absolute link (receipt links, QR codes, messages) is built from this, never from request headers.
      { PUBLIC_URL: publicUrl },
      {
        web: {
          AUTH_MODE: 'cognito',
          COGNITO_DOMAIN: this.auth.domain.baseUrl(),
          COGNITO_CLIENT_ID: this.auth.client.userPoolClientId,
          // The pages' content policy lets them reach the bucket (uploads) and Cognito, nothing else.
          UPLOAD_ORIGIN: `https://${this.data.bucket.bucketRegionalDomainName}`,
        },
      },
      this.auth.userPool,
    );

    this.monitoring = new Monitoring(this, 'Monitoring', {
      api: this.api.httpApi,
      functions: new Map<string, SiapFunction>([
        ...this.api.functions,
        ...this.schedules.functions,
        ['signins', this.signIns],
      ]),
      table: this.data.table,
      alarmEmail: regency.alarmEmail,
      healthUrl: `${publicUrl}/health`,
    });

    new CfnOutput(this, 'Url', { value: `${publicUrl}/`, description: 'Open this address to use SIAP Pilkades' });
    new CfnOutput(this, 'DistributionDomainName', {
      value: this.edge.distribution.distributionDomainName,
      description: 'Point the custom domain (CNAME) here',
    });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
    new CfnOutput(this, 'BucketName', { value: this.data.bucket.bucketName });
  }
}
