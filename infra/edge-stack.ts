import { Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';

/** CloudFront's web ACLs, certificates and Lambda@Edge live in this region only. */
export const EDGE_REGION = 'us-east-1';

/**
 * Path prefixes of the public routes that carry a code in the address (receipts today; invitations,
 * self-registration, check-in passes and certificates as they arrive). A stranger can reach them
 * from any phone, so they get the tightest per-client limit; a test checks that every public route
 * with a path parameter falls under one of them.
 */
export const PUBLIC_CODE_PATHS = [
  '/receipts/',
  '/terima/',
  '/invitations/',
  '/daftar/',
  '/passes/',
  '/hadir/',
  '/certificates/',
  '/sertifikat/',
];

/**
 * Requests one client address may send in five minutes. Villages reach us through carrier NAT,
 * so one address can be many phones: a receipt visit is about ten requests, so 600 leaves room for
 * dozens of villages behind one address while a guesser gets 2 requests/s, a twenty-fifth of the
 * public routes' stage throttle (50/s) that every village shares.
 */
export const PUBLIC_PATH_LIMIT = 600;

/** The same per address for everything but the cached assets: organizers' offices share an address too. */
export const SITE_LIMIT = 3000;

/** The managed rule groups every request passes; the common set's body size rule only counts (imports are larger). */
export const MANAGED_RULE_GROUPS = [
  'AWSManagedRulesAmazonIpReputationList',
  'AWSManagedRulesCommonRuleSet',
  'AWSManagedRulesKnownBadInputsRuleSet',
] as const;

export interface EdgeStackProps extends StackProps {
  slug: string;
}

/**
 * A regency's companion stack in us-east-1 (`SiapPilkadesEdge-<slug>`): the AWS WAF web ACL the
 * CloudFront distribution is attached to, and the bucket CloudFront writes its access logs to
 * (CloudFront's standard logs cannot go to buckets in opt-in regions such as Jakarta). No physical
 * names are set: CloudFormation derives them from the stack name, so regencies never collide.
 */
export class EdgeStack extends Stack {
  readonly webAcl: CfnWebACL;
  readonly logBucket: Bucket;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      description: `SIAP Pilkades ${props.slug}: per-client limits and AWS managed rules in front of the API`,
      defaultAction: { allow: {} },
      visibilityConfig: visibility(`siap-${props.slug}`),
      customResponseBodies: {
        TooManyRequests: {
          contentType: 'APPLICATION_JSON',
          content: JSON.stringify({ title: 'Too Many Requests', status: 429 }),
        },
      },
      rules: [
        managedGroup('AWSManagedRulesAmazonIpReputationList', 0),
        rateRule('PublicPathRate', 1, PUBLIC_PATH_LIMIT, {
          orStatement: { statements: PUBLIC_CODE_PATHS.map(startsWith) },
        }),
        // Assets are cached and a page load asks for several: they count against nobody.
        rateRule('SiteRate', 2, SITE_LIMIT, { notStatement: { statement: startsWith('/assets/') } }),
        managedGroup('AWSManagedRulesCommonRuleSet', 3, [
          // Participant and region imports are bodies of hundreds of kilobytes; the API sets its own size limits.
          { name: 'SizeRestrictions_BODY', actionToUse: { count: {} } },
        ]),
        managedGroup('AWSManagedRulesKnownBadInputsRuleSet', 4),
      ],
    });

    this.logBucket = new Bucket(this, 'CdnLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront's standard logs are delivered with an ACL grant, so ACLs must stay enabled.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.logBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This bucket receives the CloudFront access logs; logging access to the log bucket itself would log the logger.',
    });
  }
}

function visibility(metricName: string): CfnWebACL.VisibilityConfigProperty {
  return { cloudWatchMetricsEnabled: true, metricName, sampledRequestsEnabled: true };
}

function startsWith(path: string): CfnWebACL.StatementProperty {
  return {
    byteMatchStatement: {
      fieldToMatch: { uriPath: {} },
      positionalConstraint: 'STARTS_WITH',
      searchString: path,
      // `/Receipts/…` reaches no route, but it must not slip past the limit either.
      textTransformations: [{ priority: 0, type: 'LOWERCASE' }],
    },
  };
}

function rateRule(
  name: string,
  priority: number,
  limit: number,
  scopeDownStatement: CfnWebACL.StatementProperty,
): CfnWebACL.RuleProperty {
  return {
    name,
    priority,
    statement: {
      rateBasedStatement: { limit, aggregateKeyType: 'IP', evaluationWindowSec: 300, scopeDownStatement },
    },
    // 429 with Retry-After, like the application's own limits, so clients back off rather than retry at once.
    action: {
      block: {
        customResponse: {
          responseCode: 429,
          customResponseBodyKey: 'TooManyRequests',
          responseHeaders: [{ name: 'retry-after', value: '60' }],
        },
      },
    },
    visibilityConfig: visibility(name),
  };
}

function managedGroup(
  name: (typeof MANAGED_RULE_GROUPS)[number],
  priority: number,
  ruleActionOverrides?: CfnWebACL.RuleActionOverrideProperty[],
): CfnWebACL.RuleProperty {
  return {
    name,
    priority,
    statement: { managedRuleGroupStatement: { vendorName: 'AWS', name, ruleActionOverrides } },
    overrideAction: { none: {} },
    visibilityConfig: visibility(name),
  };
}
