import { Match } from 'aws-cdk-lib/assertions';
import { PUBLIC_ROUTE_THROTTLE } from '#infra/constructs/api.ts';
import { groupSettings } from '#infra/function-groups.ts';
import { functionGroups, routeKey, routes } from '#shared/routes.ts';
import { synthRegency } from './synth.ts';

const { stack, template } = synthRegency('oku-selatan');

type Resource = {
  Type: string;
  Properties: Record<string, unknown>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
};

function resourcesOf(type: string): Record<string, Resource> {
  return template.findResources(type) as Record<string, Resource>;
}

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

  test('the stage keeps its throttle on every public route', () => {
    const stage = Object.values(resourcesOf('AWS::ApiGatewayV2::Stage'))[0];
    const settings = stage?.Properties.RouteSettings as Record<string, unknown>;
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
  });
});

describe('accounts', () => {
  test('a user pool with admin and organizer groups, no self sign-up, retained', () => {
    template.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ AdminCreateUserConfig: { AllowAdminCreateUserOnly: true } }),
    });
    const groups = Object.values(resourcesOf('AWS::Cognito::UserPoolGroup')).map((group) => group.Properties.GroupName);
    expect(groups.sort()).toEqual(['admin', 'organizer']);
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
    expect(logGroups.length).toBe(functionGroups.length + 1);
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
