import { Match, type Template } from 'aws-cdk-lib/assertions';
import { PUBLIC_ROUTE_THROTTLE } from '#infra/constructs/api.ts';
import { CLIENT_ADDRESS_HEADER } from '#infra/constructs/edge.ts';
import { MANAGED_RULE_GROUPS, PUBLIC_CODE_PATHS, PUBLIC_PATH_LIMIT, SITE_LIMIT } from '#infra/edge-stack.ts';
import { groupSettings, scheduledFunctions } from '#infra/function-groups.ts';
import { functionGroups, routeKey, routes } from '#shared/routes.ts';
import { dependencyGraph, dependsOn, findCycle } from './dependencies.ts';
import { synthRegency } from './synth.ts';

const { stack, edge, template, edgeTemplate } = synthRegency('oku-selatan');

type Resource = {
  Type: string;
  Properties: Record<string, unknown>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
};

function resourcesOf(type: string, from: Template = template): Record<string, Resource> {
  return from.findResources(type) as Record<string, Resource>;
}

/** The one resource of a type in a template, with its logical id. */
function onlyOf(type: string, from: Template = template): [string, Resource] {
  const found = Object.entries(resourcesOf(type, from));
  expect(found).toHaveLength(1);
  return found[0] as [string, Resource];
}

const [distributionId, distribution] = onlyOf('AWS::CloudFront::Distribution');
const distributionConfig = distribution.Properties.DistributionConfig as {
  DefaultCacheBehavior: Record<string, unknown>;
  CacheBehaviors: Array<Record<string, unknown>>;
  Origins: Array<{ Id: string }>;
  [key: string]: unknown;
};
const distributionUrl = { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }]] };
const [apiId] = onlyOf('AWS::ApiGatewayV2::Api');

describe('kept data', () => {
  test('the table is on demand, has point-in-time recovery, deletion protection, and is retained', () => {
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        Replicas: [
          Match.objectLike({
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
            DeletionProtectionEnabled: true,
          }),
        ],
        GlobalSecondaryIndexes: Match.arrayWith([
          Match.objectLike({ IndexName: 'byKind' }),
          Match.objectLike({ IndexName: 'byVillage' }),
        ]),
      }),
    });
  });

  test('the documents bucket is private, encrypted, versioned, retained and TLS-only', () => {
    const buckets = Object.entries(resourcesOf('AWS::S3::Bucket')).filter(([id]) => id.includes('Documents'));
    expect(buckets).toHaveLength(1);
    const [[id, bucket]] = buckets as [[string, Resource]];
    expect(bucket.DeletionPolicy).toBe('Retain');
    expect(bucket.Properties).toMatchObject({
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: { ServerSideEncryptionConfiguration: [expect.anything()] },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: id },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 's3:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });
});

describe('the API is the route table', () => {
  const apiRoutes = Object.values(resourcesOf('AWS::ApiGatewayV2::Route'));

  test('every route of the table exists once, and nothing else (no local token route)', () => {
    const keys = apiRoutes.map((route) => route.Properties.RouteKey).sort();
    expect(keys).toEqual(routes.map(routeKey).sort());
    expect(keys.some((key) => String(key).includes('/local/'))).toBe(false);
  });

  test('every non-public route has the JWT authorizer; public ones have none', () => {
    const authorizers = resourcesOf('AWS::ApiGatewayV2::Authorizer');
    const [authorizerId] = Object.keys(authorizers);
    expect(Object.values(authorizers)[0]?.Properties).toMatchObject({ AuthorizerType: 'JWT' });
    for (const route of routes) {
      const resource = apiRoutes.find((candidate) => candidate.Properties.RouteKey === routeKey(route));
      if (route.access === 'public') {
        expect(resource?.Properties.AuthorizationType ?? 'NONE').toBe('NONE');
      } else {
        expect(resource?.Properties).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: { Ref: authorizerId } });
      }
    }
  });

  test('the stage keeps its throttle on every public route as the last guard behind the WAF', () => {
    const [, stage] = onlyOf('AWS::ApiGatewayV2::Stage');
    const settings = stage.Properties.RouteSettings as Record<string, unknown>;
    const publicKeys = routes.filter((route) => route.access === 'public').map(routeKey);
    expect(Object.keys(settings).sort()).toEqual([...publicKeys].sort());
    for (const key of publicKeys) {
      expect(settings[key]).toEqual({
        ThrottlingRateLimit: PUBLIC_ROUTE_THROTTLE.rateLimit,
        ThrottlingBurstLimit: PUBLIC_ROUTE_THROTTLE.burstLimit,
      });
    }
  });

  test('the stage throttles below the account limit and keeps access logs', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: { ThrottlingRateLimit: 500, ThrottlingBurstLimit: 250 },
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
    });
  });
});

describe('functions', () => {
  const functions = resourcesOf('AWS::Lambda::Function');
  const ours = Object.entries(functions).filter(([id]) => id.startsWith('ApiFn'));

  test('one function per route group, on the current Node.js runtime, arm64', () => {
    expect(ours).toHaveLength(functionGroups.length);
    for (const [, fn] of ours) {
      expect(fn.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'] });
    }
  });

  test.each(functionGroups)('the %s function may call exactly the table actions it uses, never Scan', (group) => {
    const fn = stack.api.functions.get(group);
    const roleId = stack.getLogicalId(fn?.fn.role?.node.defaultChild as never);
    const policies = Object.values(resourcesOf('AWS::IAM::Policy')).filter((policy) =>
      JSON.stringify(policy.Properties.Roles).includes(roleId),
    );
    const statements = policies.flatMap(
      (policy) => (policy.Properties.PolicyDocument as { Statement: Array<{ Action: string | string[] }> }).Statement,
    );
    const actions = statements.flatMap((statement) => [statement.Action].flat());
    const dynamo = actions.filter((action) => action.startsWith('dynamodb:')).sort();
    expect(dynamo).toEqual(groupSettings[group].table.map((action) => `dynamodb:${action}`).sort());
    expect(actions).not.toContain('dynamodb:Scan');
    const s3 = actions.filter((action) => action.startsWith('s3:')).sort();
    expect(s3).toEqual([...groupSettings[group].bucket].sort());
    // The secrets key: only where codes are sealed or opened, only these actions, only on that key.
    const keyId = stack.getLogicalId(stack.data.secretsKey.node.defaultChild as never);
    const kms = statements.filter((statement) => [statement.Action].flat().some((action) => action.startsWith('kms:')));
    expect(kms.flatMap((statement) => [statement.Action].flat()).sort()).toEqual(
      [...(groupSettings[group].secrets ?? [])].sort(),
    );
    for (const statement of kms) {
      expect(statement).toMatchObject({ Resource: { 'Fn::GetAtt': [keyId, 'Arn'] } });
    }
    // The user pool: only the users function, exactly the Cognito actions it calls, on the pool only.
    const poolId = stack.getLogicalId(stack.auth.userPool.node.defaultChild as never);
    const cognito = statements.filter((statement) =>
      [statement.Action].flat().some((action) => action.startsWith('cognito-idp:')),
    );
    expect(cognito.flatMap((statement) => [statement.Action].flat()).sort()).toEqual(
      [...(groupSettings[group].userPool ?? [])].sort(),
    );
    for (const statement of cognito) {
      expect(statement).toMatchObject({ Resource: { 'Fn::GetAtt': [poolId, 'Arn'] } });
    }
  });

  test('only the users function manages accounts: the ten Cognito actions of its directory, and it knows the pool', () => {
    expect(functionGroups.filter((group) => (groupSettings[group].userPool ?? []).length > 0)).toEqual(['users']);
    expect([...(groupSettings.users.userPool ?? [])].sort()).toEqual([
      'cognito-idp:AdminAddUserToGroup',
      'cognito-idp:AdminCreateUser',
      'cognito-idp:AdminDeleteUser',
      'cognito-idp:AdminDeleteUserAttributes',
      'cognito-idp:AdminDisableUser',
      'cognito-idp:AdminEnableUser',
      'cognito-idp:AdminRemoveUserFromGroup',
      'cognito-idp:AdminUpdateUserAttributes',
      'cognito-idp:AdminUserGlobalSignOut',
      'cognito-idp:ListUsers',
      'cognito-idp:ListUsersInGroup',
    ]);
    const fnId = stack.getLogicalId(stack.api.functions.get('users')?.fn.node.defaultChild as never);
    const fn = resourcesOf('AWS::Lambda::Function')[fnId];
    const poolId = stack.getLogicalId(stack.auth.userPool.node.defaultChild as never);
    expect(fn?.Properties).toMatchObject({ Environment: { Variables: { USER_POOL_ID: { Ref: poolId } } } });
  });
});

/** The statements of the policies attached to a role. */
const roleStatements = (role: unknown) => {
  const roleId = stack.getLogicalId(role as never);
  return Object.values(resourcesOf('AWS::IAM::Policy'))
    .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(roleId))
    .flatMap(
      (policy) =>
        (policy.Properties.PolicyDocument as { Statement: Array<{ Action: string | string[]; Resource: unknown }> })
          .Statement,
    );
};

describe('the daily snapshot', () => {
  test('runs every day at 07:00 in the regency’s time zone, retried twice within two hours', () => {
    const schedules = Object.values(resourcesOf('AWS::Scheduler::Schedule'));
    expect(schedules).toHaveLength(1);
    const fnId = stack.getLogicalId(stack.schedules.functions.get('snapshots')?.fn.node.defaultChild as never);
    expect(schedules[0]?.Properties).toMatchObject({
      ScheduleExpression: 'cron(0 7 * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Jakarta',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: {
        Arn: { 'Fn::GetAtt': [fnId, 'Arn'] },
        RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 7200 },
      },
    });
  });

  test('the schedule may invoke the snapshot function and nothing else', () => {
    const fn = stack.schedules.functions.get('snapshots');
    const fnId = stack.getLogicalId(fn?.fn.node.defaultChild as never);
    const invoker = stack.schedules.node.findChild('Invoker-snapshots').node.defaultChild;
    expect(roleStatements(invoker)).toEqual([
      { Action: 'lambda:InvokeFunction', Effect: 'Allow', Resource: { 'Fn::GetAtt': [fnId, 'Arn'] } },
    ]);
  });

  test('the snapshot function may only Query and PutItem on the table, and holds no key or bucket grant', () => {
    const fn = stack.schedules.functions.get('snapshots');
    const actions = roleStatements(fn?.fn.role?.node.defaultChild).flatMap((statement) => [statement.Action].flat());
    expect(actions.filter((action) => action.startsWith('dynamodb:')).sort()).toEqual([
      'dynamodb:PutItem',
      'dynamodb:Query',
    ]);
    expect(actions.filter((action) => /^(s3|kms):/.test(action))).toEqual([]);
  });
});

describe('accounts', () => {
  test('each sign-in is noted by a post-authentication trigger that may only PutItem on the table, invoked by this pool only', () => {
    const fnId = stack.getLogicalId(stack.signIns.fn.node.defaultChild as never);
    const poolId = stack.getLogicalId(stack.auth.userPool.node.defaultChild as never);
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: { PostAuthentication: { 'Fn::GetAtt': [fnId, 'Arn'] } },
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      FunctionName: { 'Fn::GetAtt': [fnId, 'Arn'] },
      Principal: 'cognito-idp.amazonaws.com',
      SourceArn: { 'Fn::GetAtt': [poolId, 'Arn'] },
    });
    const actions = roleStatements(stack.signIns.fn.role?.node.defaultChild).flatMap((statement) =>
      [statement.Action].flat(),
    );
    expect(actions.filter((action) => action.startsWith('dynamodb:'))).toEqual(['dynamodb:PutItem']);
    expect(actions.filter((action) => /^(s3|kms|cognito-idp):/.test(action))).toEqual([]);
  });

  test('a user pool with admin, organizer and kecamatan groups, no self sign-up, retained', () => {
    template.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ AdminCreateUserConfig: { AllowAdminCreateUserOnly: true } }),
    });
    const groups = Object.values(resourcesOf('AWS::Cognito::UserPoolGroup')).map((group) => group.Properties.GroupName);
    expect(groups.sort()).toEqual(['admin', 'kecamatan', 'organizer']);
  });

  test('custom:kecamatan exists, and the pages’ client may read it but never write it', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([Match.objectLike({ Name: 'kecamatan', AttributeDataType: 'String', Mutable: true })]),
    });
    const [, client] = onlyOf('AWS::Cognito::UserPoolClient');
    expect(client.Properties.ReadAttributes).toContain('custom:kecamatan');
    expect(client.Properties.WriteAttributes).toEqual(['name']);
  });

  test('the first admin is created from the config’s adminEmail, in the admin group', () => {
    const [userId, user] = onlyOf('AWS::Cognito::UserPoolUser');
    expect(user.Properties).toMatchObject({
      Username: 'admin.pilkades@okuselatankab.go.id',
      DesiredDeliveryMediums: ['EMAIL'],
    });
    const [, membership] = onlyOf('AWS::Cognito::UserPoolUserToGroupAttachment');
    expect(membership.Properties).toMatchObject({ GroupName: 'admin', Username: 'admin.pilkades@okuselatankab.go.id' });
    expect(JSON.stringify(template.toJSON().Resources)).toContain(userId);
  });

  test('sessions renew for a working day: a one-hour ID token, a 14-hour refresh token that can be revoked', () => {
    const [, client] = onlyOf('AWS::Cognito::UserPoolClient');
    expect(client.Properties).toMatchObject({
      IdTokenValidity: 60,
      RefreshTokenValidity: 840,
      EnableTokenRevocation: true,
      TokenValidityUnits: { IdToken: 'minutes', RefreshToken: 'minutes' },
    });
  });
});

describe('two regencies', () => {
  test('each regency gets its own stack and nothing is named the same', () => {
    const other = synthRegency('tanah-bumbu');
    expect(other.stack.stackName).not.toBe(stack.stackName);
    const domains = [template, other.template].map(
      (t) => Object.values(t.findResources('AWS::Cognito::UserPoolDomain'))[0]?.Properties.Domain,
    );
    expect(new Set(domains).size).toBe(2);
    for (const t of [template, other.template]) {
      // Physical names are left to CloudFormation, which derives them from the stack name.
      for (const [type, property] of [
        ['AWS::DynamoDB::GlobalTable', 'TableName'],
        ['AWS::S3::Bucket', 'BucketName'],
        ['AWS::Lambda::Function', 'FunctionName'],
        ['AWS::Cognito::UserPool', 'UserPoolName'],
      ] as const) {
        for (const resource of Object.values(t.findResources(type)))
          expect(resource.Properties?.[property]).toBeUndefined();
      }
    }
    const apiNames = [template, other.template].map(
      (t) => Object.values(t.findResources('AWS::ApiGatewayV2::Api'))[0]?.Properties.Name,
    );
    expect(apiNames[0]).not.toEqual(apiNames[1]);
  });

  test('each regency gets its own edge stack; names CloudFront keeps account-wide differ too', () => {
    const other = synthRegency('tanah-bumbu');
    expect(other.edge.stackName).toBe('SiapPilkadesEdge-tanah-bumbu');
    expect(other.edge.stackName).not.toBe(edge.stackName);
    for (const t of [edgeTemplate, other.edgeTemplate]) {
      // The web ACL and the log bucket are named by CloudFormation from the stack name.
      expect(onlyOf('AWS::WAFv2::WebACL', t)[1].Properties.Name).toBeUndefined();
      expect(onlyOf('AWS::S3::Bucket', t)[1].Properties.BucketName).toBeUndefined();
    }
    // CloudFront functions and response headers policies need a name, unique in the account.
    const functionNames = [template, other.template].map(
      (t) => onlyOf('AWS::CloudFront::Function', t)[1].Properties.Name,
    );
    const policyNames = [template, other.template].map(
      (t) =>
        (
          onlyOf('AWS::CloudFront::ResponseHeadersPolicy', t)[1].Properties.ResponseHeadersPolicyConfig as {
            Name: string;
          }
        ).Name,
    );
    expect(new Set(functionNames).size).toBe(2);
    expect(new Set(policyNames).size).toBe(2);
  });
});

describe('operations', () => {
  test('alarms watch the 5xx and 4xx rates, every function errors and throttles, and DynamoDB throttling', () => {
    const alarms = Object.values(resourcesOf('AWS::CloudWatch::Alarm'));
    const descriptions = alarms.map((alarm) => String(alarm.Properties.AlarmDescription));
    expect(descriptions).toEqual(
      expect.arrayContaining([
        'More than 1% of API requests failed with 5xx',
        'More than 25% of API requests were refused (4xx, including 429 throttling)',
        'DynamoDB throttled requests',
      ]),
    );
    for (const group of functionGroups) {
      expect(descriptions).toContain(`The ${group} function raised errors`);
      expect(descriptions).toContain(`The ${group} function was throttled`);
    }
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toHaveLength(1);
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
  });

  test('every log group keeps its logs for a set time; access logs are JSON lines with the request id', () => {
    const logGroups = Object.values(resourcesOf('AWS::Logs::LogGroup'));
    // One per API function and scheduled function, the sign-in trigger's, the stage's access logs,
    // and the health check's.
    expect(logGroups.length).toBe(functionGroups.length + scheduledFunctions.length + 3);
    for (const group of logGroups) expect(group.Properties.RetentionInDays).toBeGreaterThan(0);
    const stage = Object.values(resourcesOf('AWS::ApiGatewayV2::Stage'))[0];
    const settings = stage?.Properties.AccessLogSettings as { Format: string } | undefined;
    const format = JSON.parse(String(settings?.Format));
    expect(format).toMatchObject({
      requestId: '$context.requestId',
      routeKey: '$context.routeKey',
      status: '$context.status',
    });
  });

  test('functions log JSON lines with the request id (Lambda JSON format), application logs from INFO', () => {
    for (const [id, fn] of Object.entries(resourcesOf('AWS::Lambda::Function'))) {
      if (!id.startsWith('ApiFn')) continue;
      expect(fn.Properties).toMatchObject({
        LoggingConfig: { LogFormat: 'JSON', ApplicationLogLevel: 'INFO', SystemLogLevel: 'WARN' },
      });
    }
  });
});

describe('the edge: CloudFront in front of everything', () => {
  const behaviors = [distributionConfig.DefaultCacheBehavior, ...distributionConfig.CacheBehaviors];

  test('one distribution, whose only origin is the HTTP API over TLS 1.2', () => {
    expect(distributionConfig.Origins).toEqual([
      {
        Id: expect.any(String),
        DomainName: { 'Fn::Join': ['', [{ Ref: apiId }, '.execute-api.ap-southeast-3.', { Ref: 'AWS::URLSuffix' }]] },
        CustomOriginConfig: { OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] },
      },
    ]);
    for (const behavior of behaviors) expect(behavior.TargetOriginId).toBe(distributionConfig.Origins[0]?.Id);
  });

  test('assets are cached at the edge; pages and API are not, with every method', () => {
    // Managed policies, by their fixed ids: CachingOptimized, CachingDisabled, AllViewerExceptHostHeader.
    expect(distributionConfig.CacheBehaviors).toEqual([
      expect.objectContaining({
        PathPattern: '/assets/*',
        CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6',
        AllowedMethods: ['GET', 'HEAD'],
        Compress: true,
      }),
    ]);
    expect(distributionConfig.CacheBehaviors[0]?.OriginRequestPolicyId).toBeUndefined();
    expect(distributionConfig.DefaultCacheBehavior).toMatchObject({
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
      AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
    });
  });

  test('the API gets every viewer header but Host (Authorization, Accept-Language, x-receipt-code) and every query string', () => {
    // A custom origin request policy cannot name Authorization; with caching off, this managed one passes it on.
    expect(distributionConfig.DefaultCacheBehavior.OriginRequestPolicyId).toBe('b689b0a8-53d0-40ab-baf2-68738e2966ac');
  });

  test("the functions' own compression passes through: CloudFront does not compress or re-key API replies", () => {
    // CachingDisabled leaves Accept-Encoding as the viewer sent it; the functions choose brotli or gzip.
    expect(distributionConfig.DefaultCacheBehavior.Compress).toBe(false);
  });

  test('viewers are served over TLS only, with HTTP/2 and HTTP/3 and IPv6', () => {
    for (const behavior of behaviors) expect(behavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(distributionConfig).toMatchObject({ HttpVersion: 'http2and3', IPV6Enabled: true, Enabled: true });
  });

  test("the viewer's address reaches the functions in true-client-ip, overwriting what a client sends", () => {
    const [functionId, fn] = onlyOf('AWS::CloudFront::Function');
    expect(distributionConfig.DefaultCacheBehavior.FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [functionId, 'FunctionARN'] } },
    ]);
    expect(fn.Properties.FunctionConfig).toMatchObject({ Runtime: 'cloudfront-js-2.0' });
    // Run the function's code on a request that forges the header.
    type Request = { headers: Record<string, { value: string }> };
    const handler = new Function(`${fn.Properties.FunctionCode}; return handler;`)() as (event: {
      viewer: { ip: string };
      request: Request;
    }) => Request;
    const request = handler({
      viewer: { ip: '203.0.113.7' },
      request: { headers: { [CLIENT_ADDRESS_HEADER]: { value: '10.0.0.1' }, host: { value: 'x' } } },
    });
    expect(request.headers[CLIENT_ADDRESS_HEADER]).toEqual({ value: '203.0.113.7' });
    expect(request.headers.host).toEqual({ value: 'x' });
  });

  test('security headers are added to replies that lack them (gateway errors), never over the application', () => {
    const [policyId, policy] = onlyOf('AWS::CloudFront::ResponseHeadersPolicy');
    for (const behavior of behaviors) expect(behavior.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
    const headers = (
      policy.Properties.ResponseHeadersPolicyConfig as { SecurityHeadersConfig: Record<string, { Override: boolean }> }
    ).SecurityHeadersConfig;
    expect(Object.keys(headers).sort()).toEqual([
      'ContentTypeOptions',
      'FrameOptions',
      'ReferrerPolicy',
      'StrictTransportSecurity',
    ]);
    for (const header of Object.values(headers)) expect(header.Override).toBe(false);
  });

  test('the web ACL and the log bucket are read from the us-east-1 stack with Fn::GetStackOutput', () => {
    const outputs = edgeTemplate.toJSON().Outputs as Record<string, { Value: unknown }>;
    const [webAclId] = onlyOf('AWS::WAFv2::WebACL', edgeTemplate);
    const [logBucketId] = onlyOf('AWS::S3::Bucket', edgeTemplate);
    const outputOf = (value: unknown) => ({
      'Fn::GetStackOutput': {
        StackName: edge.stackName,
        Region: 'us-east-1',
        OutputName: Object.entries(outputs).find(
          ([, output]) => JSON.stringify(output.Value) === JSON.stringify(value),
        )?.[0],
      },
    });
    expect(distributionConfig.WebACLId).toEqual(outputOf({ 'Fn::GetAtt': [webAclId, 'Arn'] }));
    expect(distributionConfig.Logging).toEqual({
      Bucket: outputOf({ 'Fn::GetAtt': [logBucketId, 'RegionalDomainName'] }),
      Prefix: `${stack.stackName}/`,
    });
    // CloudFormation reads the other region itself: no custom resource, function or parameter carries it.
    for (const t of [template, edgeTemplate]) {
      expect(Object.values(t.toJSON().Resources as Record<string, Resource>).map((r) => r.Type)).not.toEqual(
        expect.arrayContaining([expect.stringMatching(/^Custom::|^AWS::SSM::/)]),
      );
    }
    expect(Object.keys(resourcesOf('AWS::Lambda::Function', edgeTemplate))).toEqual([]);
  });

  test('without a custom domain the distribution answers on its cloudfront.net name only', () => {
    expect(distributionConfig.Aliases).toBeUndefined();
    expect(distributionConfig.ViewerCertificate).toBeUndefined();
  });
});

describe('the edge stack in us-east-1', () => {
  const [, webAcl] = onlyOf('AWS::WAFv2::WebACL', edgeTemplate);
  const rules = webAcl.Properties.Rules as Array<{
    Name: string;
    Priority: number;
    Statement: Record<string, Record<string, unknown>>;
    Action?: unknown;
    OverrideAction?: unknown;
  }>;

  test('is its own stack in us-east-1, deployed before the regency stack that reads from it', () => {
    expect(edge.region).toBe('us-east-1');
    expect(edge.stackName).toBe('SiapPilkadesEdge-oku-selatan');
    expect(stack.dependencies).toContain(edge);
    expect(stack.region).toBe('ap-southeast-3');
  });

  test('holds a web ACL for CloudFront that lets through what no rule blocks', () => {
    expect(webAcl.Properties).toMatchObject({ Scope: 'CLOUDFRONT', DefaultAction: { Allow: {} } });
    expect(new Set(rules.map((rule) => rule.Priority)).size).toBe(rules.length);
  });

  test('a rate-based rule per client address covers the public code paths, answering 429 with Retry-After', () => {
    const rule = rules.find((candidate) => candidate.Name === 'PublicPathRate');
    const statement = rule?.Statement.RateBasedStatement as {
      Limit: number;
      AggregateKeyType: string;
      EvaluationWindowSec: number;
      ScopeDownStatement: { OrStatement: { Statements: Array<{ ByteMatchStatement: Record<string, unknown> }> } };
    };
    expect(statement).toMatchObject({ Limit: PUBLIC_PATH_LIMIT, AggregateKeyType: 'IP', EvaluationWindowSec: 300 });
    const paths = statement.ScopeDownStatement.OrStatement.Statements.map((s) => s.ByteMatchStatement);
    expect(paths.map((match) => match.SearchString)).toEqual(PUBLIC_CODE_PATHS);
    for (const match of paths) {
      expect(match).toMatchObject({ FieldToMatch: { UriPath: {} }, PositionalConstraint: 'STARTS_WITH' });
    }
    expect(PUBLIC_CODE_PATHS).toEqual(
      expect.arrayContaining(['/receipts/', '/terima/', '/invitations/', '/daftar/', '/hadir/', '/sertifikat/']),
    );
    expect(rule?.Action).toEqual({
      Block: {
        CustomResponse: {
          ResponseCode: 429,
          CustomResponseBodyKey: 'TooManyRequests',
          ResponseHeaders: [{ Name: 'retry-after', Value: '60' }],
        },
      },
    });
  });

  test('every public route that takes a code in its path falls under the public-path rule', () => {
    const coded = routes.filter(
      (route) => route.access === 'public' && route.path.includes('{') && !route.path.startsWith('/assets/'),
    );
    expect(coded.length).toBeGreaterThan(0);
    for (const route of coded) {
      expect({ path: route.path, covered: PUBLIC_CODE_PATHS.some((prefix) => route.path.startsWith(prefix)) }).toEqual({
        path: route.path,
        covered: true,
      });
    }
  });

  test('a looser per-address limit covers everything but the cached assets', () => {
    const rule = rules.find((candidate) => candidate.Name === 'SiteRate');
    expect(rule?.Statement.RateBasedStatement).toMatchObject({
      Limit: SITE_LIMIT,
      AggregateKeyType: 'IP',
      ScopeDownStatement: {
        NotStatement: { Statement: { ByteMatchStatement: expect.objectContaining({ SearchString: '/assets/' }) } },
      },
    });
    expect(SITE_LIMIT).toBeGreaterThan(PUBLIC_PATH_LIMIT);
  });

  test('AWS managed rule groups: IP reputation, the common rule set and known bad inputs, blocking', () => {
    const managed = rules.filter((rule) => rule.Statement.ManagedRuleGroupStatement);
    expect(managed.map((rule) => rule.Statement.ManagedRuleGroupStatement?.Name).sort()).toEqual(
      [...MANAGED_RULE_GROUPS].sort(),
    );
    for (const rule of managed) {
      expect(rule.Statement.ManagedRuleGroupStatement).toMatchObject({ VendorName: 'AWS' });
      expect(rule.OverrideAction).toEqual({ None: {} });
    }
    // Only the body size rule of the common set is relaxed to counting: imports are larger than 8 KB.
    const overrides = managed.flatMap(
      (rule) =>
        (rule.Statement.ManagedRuleGroupStatement?.RuleActionOverrides as Array<{ Name: string }> | undefined) ?? [],
    );
    expect(overrides).toEqual([{ Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } }]);
    // Known-bad addresses are turned away before they count against anyone's limit.
    expect(rules.find((rule) => rule.Priority === 0)?.Name).toBe('AWSManagedRulesAmazonIpReputationList');
  });

  test('the CloudFront log bucket is private, encrypted, TLS only, kept for a year, with ACLs for log delivery', () => {
    const [bucketId, bucket] = onlyOf('AWS::S3::Bucket', edgeTemplate);
    expect(bucket.DeletionPolicy).toBe('Retain');
    expect(bucket.Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: { ServerSideEncryptionConfiguration: [expect.anything()] },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }] },
      LifecycleConfiguration: { Rules: [expect.objectContaining({ ExpirationInDays: 365 })] },
    });
    edgeTemplate.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: bucketId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });
});

describe('the public address', () => {
  const apiFunctions = Object.entries(resourcesOf('AWS::Lambda::Function')).filter(([id]) => id.startsWith('ApiFn'));

  test("the Url output is the distribution's address", () => {
    expect(template.toJSON().Outputs.Url.Value).toEqual({
      'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }, '/']],
    });
  });

  test('every function knows the public address as PUBLIC_URL, without a trailing slash', () => {
    expect(apiFunctions).toHaveLength(functionGroups.length);
    for (const [, fn] of apiFunctions) {
      expect((fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables.PUBLIC_URL).toEqual(
        distributionUrl,
      );
    }
  });

  test('Cognito signs in and out to the public address only, not the raw API endpoint', () => {
    const [, client] = onlyOf('AWS::Cognito::UserPoolClient');
    const url = { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }, '/']] };
    expect(client.Properties.CallbackURLs).toEqual([url]);
    expect(client.Properties.LogoutURLs).toEqual([url]);
  });

  test('no circular dependency: API, then distribution, then functions, then routes', () => {
    const graph = dependencyGraph(template);
    expect(findCycle(graph)).toBeUndefined();
    for (const [fnId] of apiFunctions) {
      expect(dependsOn(graph, fnId, distributionId)).toBe(true);
      expect(dependsOn(graph, distributionId, fnId)).toBe(false);
    }
    for (const routeId of Object.keys(resourcesOf('AWS::ApiGatewayV2::Route'))) {
      expect(dependsOn(graph, distributionId, routeId)).toBe(false);
    }
    expect(dependsOn(graph, distributionId, apiId)).toBe(true);
    expect(findCycle(dependencyGraph(edgeTemplate))).toBeUndefined();
  });
});

describe('a regency with its own domain', () => {
  const domainName = 'siap.tanahbumbukab.go.id';
  const certificateArn = 'arn:aws:acm:us-east-1:111122223333:certificate/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b';
  const custom = synthRegency('tanah-bumbu', { config: { domainName, certificateArn } });
  const [customDistributionId, customDistribution] = onlyOf('AWS::CloudFront::Distribution', custom.template);
  const config = customDistribution.Properties.DistributionConfig as Record<string, unknown>;

  test('the distribution answers on the domain with its certificate, SNI, TLS 1.2 (2021 policy) at least', () => {
    expect(config.Aliases).toEqual([domainName]);
    expect(config.ViewerCertificate).toEqual({
      AcmCertificateArn: certificateArn,
      SslSupportMethod: 'sni-only',
      MinimumProtocolVersion: 'TLSv1.2_2021',
    });
  });

  test('the Url output, PUBLIC_URL and the health check use the domain', () => {
    expect(custom.template.toJSON().Outputs.Url.Value).toBe(`https://${domainName}/`);
    const functions = Object.entries(resourcesOf('AWS::Lambda::Function', custom.template));
    const api = functions.filter(([id]) => id.startsWith('ApiFn'));
    expect(api).toHaveLength(functionGroups.length);
    for (const [, fn] of api) {
      expect((fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables.PUBLIC_URL).toBe(
        `https://${domainName}`,
      );
    }
    const [, probe] = functions.find(([id]) => id.startsWith('MonitoringHealthCheck')) as [string, Resource];
    expect((probe.Properties.Environment as { Variables: Record<string, unknown> }).Variables.HEALTH_URL).toBe(
      `https://${domainName}/health`,
    );
  });

  test('sign-in works on the domain and on the cloudfront.net name, which keeps answering', () => {
    const [, client] = onlyOf('AWS::Cognito::UserPoolClient', custom.template);
    expect(client.Properties.CallbackURLs).toEqual([
      `https://${domainName}/`,
      { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [customDistributionId, 'DomainName'] }, '/']] },
    ]);
  });

  test('with the address known in advance, only the pages function waits for the distribution (for sign-in)', () => {
    const graph = dependencyGraph(custom.template);
    expect(findCycle(graph)).toBeUndefined();
    const waiting = Object.keys(resourcesOf('AWS::Lambda::Function', custom.template)).filter(
      (fnId) => fnId.startsWith('ApiFn') && dependsOn(graph, fnId, customDistributionId),
    );
    // The sign-in client lists the cloudfront.net address too, and the pages function names that client.
    expect(waiting).toEqual([expect.stringMatching(/^ApiFnweb/)]);
  });
});

describe('health', () => {
  const [probeId, probe] = Object.entries(resourcesOf('AWS::Lambda::Function')).find(([id]) =>
    id.startsWith('MonitoringHealthCheck'),
  ) as [string, Resource];

  test('a scheduled check calls GET /health on the public address once a minute, without retries', () => {
    expect((probe.Properties.Environment as { Variables: Record<string, unknown> }).Variables.HEALTH_URL).toEqual({
      'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }, '/health']],
    });
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 minute)',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [probeId, 'Arn'] } })],
    });
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: probeId },
      MaximumRetryAttempts: 0,
    });
  });

  test('its failures, or its silence, raise the health alarm on the alarm topic', () => {
    const alarm = Object.values(resourcesOf('AWS::CloudWatch::Alarm')).find((candidate) =>
      String(candidate.Properties.AlarmDescription).startsWith('GET /health'),
    );
    expect(alarm?.Properties).toMatchObject({
      MetricName: 'Errors',
      Namespace: 'AWS/Lambda',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: probeId } }],
      Statistic: 'Sum',
      Threshold: 3,
      TreatMissingData: 'breaching',
    });
    const [topicId] = onlyOf('AWS::SNS::Topic');
    expect(alarm?.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
  });

  test('the check may write its logs and traces and nothing else: no table, bucket or key', () => {
    const role = (probe.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    const actions = Object.values(resourcesOf('AWS::IAM::Policy'))
      .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(role))
      .flatMap(
        (policy) => (policy.Properties.PolicyDocument as { Statement: Array<{ Action: string | string[] }> }).Statement,
      )
      .flatMap((statement) => [statement.Action].flat());
    expect(actions.sort()).toEqual([
      'logs:CreateLogStream',
      'logs:PutLogEvents',
      'xray:PutTelemetryRecords',
      'xray:PutTraceSegments',
    ]);
  });
});
