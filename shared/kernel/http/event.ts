import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/** The claims API Gateway's JWT authorizer passes on (arrays arrive flattened to `[a b]` in AWS). */
export type Claims = Record<string, string | number | boolean | string[]>;

/**
 * An API Gateway HTTP API (payload 2.0) event. Public routes carry no authorizer; organizer
 * routes carry the verified token's claims.
 */
export type HttpEvent = Omit<APIGatewayProxyEventV2, 'requestContext'> & {
  requestContext: APIGatewayProxyEventV2['requestContext'] & {
    authorizer?: { jwt?: { claims: Claims; scopes?: string[] | null } };
  };
};

export type HttpResult = APIGatewayProxyStructuredResultV2 & { statusCode: number; headers: Record<string, string> };

/** Reads a header regardless of case (API Gateway lower-cases them; other callers may not). */
export function header(event: Pick<HttpEvent, 'headers'>, name: string): string | undefined {
  const headers = event.headers ?? {};
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}

/** The header CloudFront's viewer-request function sets to the caller's own address (infra/constructs/edge.ts). */
export const CLIENT_ADDRESS_HEADER = 'true-client-ip';
