import { awsConfig } from '#shared/kernel/config.ts';
import { type HttpEvent, header } from './event.ts';

const local = awsConfig().local;

/** The address people reach this API at (for links printed on documents and sent by WhatsApp). */
export function publicBaseUrl(event: HttpEvent): string {
  const host = header(event, 'host') ?? event.requestContext.domainName;
  const protocol = header(event, 'x-forwarded-proto') ?? (local ? 'http' : 'https');
  return `${protocol}://${host}`;
}
