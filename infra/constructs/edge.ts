import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** The header that carries the caller's address to the functions (API Gateway only sees CloudFront's). */
import { CLIENT_ADDRESS_HEADER } from '#shared/kernel/http/event.ts';

export { CLIENT_ADDRESS_HEADER };

export interface EdgeProps {
  api: HttpApi;
  /** ARN of the CLOUDFRONT-scoped web ACL (from the us-east-1 companion stack). */
  webAclArn: string;
  /** Where CloudFront writes its access logs (a bucket in us-east-1). */
  logBucket: IBucket;
  /** Optional own address and its us-east-1 ACM certificate. */
  domainName?: string;
  certificateArn?: string;
}

/**
 * The regency's one public address: a CloudFront distribution in front of the HTTP API, serving
 * pages and API alike. Assets (content-hashed, immutable) are cached at the edge; everything else
 * goes to the API every time with what it needs (Authorization, Accept-Language, Accept-Encoding,
 * the receipt-code header, query strings, every method). The WAF web ACL is attached here.
 */
export class Edge extends Construct {
  readonly distribution: Distribution;
  /** `https://<domain>`, no trailing slash: the custom domain when configured, else the distribution's. */
  readonly publicUrl: string;
  /** `https://<id>.cloudfront.net`: always answers, also when a custom domain is configured. */
  readonly distributionUrl: string;

  constructor(scope: Construct, id: string, props: EdgeProps) {
    super(scope, id);
    const stack = Stack.of(this);
    // The $default stage answers at the API's root, so the origin is the execute-api host itself.
    const origin = new HttpOrigin(`${props.api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [OriginSslPolicy.TLS_V1_2],
    });

    // Behind CloudFront, API Gateway's sourceIp is an edge server's: the per-client limits need the
    // viewer's address. Set here, overwriting whatever the client sent under that name.
    const clientAddress = new EdgeFunction(this, 'ClientAddress', {
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Passes the viewer address to the API',
      code: FunctionCode.fromInline(
        `function handler(event) { event.request.headers['${CLIENT_ADDRESS_HEADER}'] = { value: event.viewer.ip }; return event.request; }`,
      ),
    });

    // For replies that carry none of their own (API Gateway's own errors, throttling): the
    // application's headers win where it sets them.
    const securityHeaders = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'SIAP Pilkades: security headers where the reply has none',
      securityHeadersBehavior: {
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: true,
          override: false,
        },
        contentTypeOptions: { override: false },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: false },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: false },
      },
    });

    const custom = props.domainName && props.certificateArn;
    this.distribution = new Distribution(this, 'Distribution', {
      comment: `SIAP Pilkades ${stack.stackName}`,
      defaultBehavior: {
        origin,
        allowedMethods: AllowedMethods.ALLOW_ALL,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        // Nothing is cached. With caching off, the managed AllViewerExceptHostHeader policy is the
        // only way to pass Authorization on (a custom policy naming it is refused); it forwards every
        // viewer header but Host (API Gateway routes by its own host name), every query string, and
        // cookies, which the application neither sets nor reads. Accept-Encoding reaches the
        // functions untouched, so their brotli/gzip choice stands; CloudFront compresses nothing here.
        cachePolicy: CachePolicy.CACHING_DISABLED,
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        responseHeadersPolicy: securityHeaders,
        functionAssociations: [{ function: clientAddress, eventType: FunctionEventType.VIEWER_REQUEST }],
        compress: false,
      },
      additionalBehaviors: {
        // Content-hashed names with `cache-control: immutable`: cached by the origin's max-age, one
        // copy per normalised Accept-Encoding (the managed policy keys on it), nothing else forwarded.
        '/assets/*': {
          origin,
          allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          cachePolicy: CachePolicy.CACHING_OPTIMIZED,
          responseHeadersPolicy: securityHeaders,
          compress: true,
        },
      },
      webAclId: props.webAclArn,
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Price class 200 includes the edge locations in Indonesia; 100 would serve villages from far away.
      priceClass: PriceClass.PRICE_CLASS_200,
      enableIpv6: true,
      enableLogging: true,
      logBucket: props.logBucket,
      logFilePrefix: `${stack.stackName}/`,
      ...(custom
        ? {
            domainNames: [props.domainName as string],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn as string),
            // TLS 1.2 and 1.3 with forward-secret AEAD ciphers only; the 1.3-only policy would shut out
            // the older Android phones many villages use.
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
    });
    this.distributionUrl = `https://${this.distribution.distributionDomainName}`;
    this.publicUrl = custom ? `https://${props.domainName}` : this.distributionUrl;

    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason:
        'No country restriction: villages reach the pages over carrier NAT, satellite links and roaming whose addresses do not always geolocate to Indonesia; the WAF rate and reputation rules guard instead.',
    });
    if (!custom) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Without a custom domain the distribution answers on *.cloudfront.net, where CloudFront fixes the security policy itself (TLSv1 minimum; browsers still negotiate TLS 1.2/1.3); set domainName and certificateArn to get TLSv1.2_2021.',
      });
    }
  }
}
