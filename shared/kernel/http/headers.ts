/**
 * The headers every reply carries, pages, API replies and problem documents alike (locally also
 * the gateway's own errors; in AWS CloudFront adds them to API Gateway's): no sniffing, HTTPS only,
 * no referrer, never framed. API replies are data, so their content policy allows nothing at all;
 * pages set their own.
 */
export const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
} as const;
