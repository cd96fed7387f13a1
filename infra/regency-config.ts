import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod/mini';

const configDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'config', 'regencies');

/** A DNS host name people type: lower-case labels, at least one dot, no trailing dot. */
const hostName = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** CloudFront only takes ACM certificates from us-east-1. */
const cloudFrontCertificateArn =
  /^arn:aws:acm:us-east-1:(\d{12}):certificate\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** One regency's deployment settings: `config/regencies/<slug>.json`. */
export const RegencyConfig = z
  .strictObject({
    /** Shown on pages and printed on documents: "Kabupaten Tanah Bumbu". */
    name: z.string().check(z.minLength(3), z.maxLength(100)),
    /** Names the stack (`SiapPilkades-<slug>`); lower-case letters, digits and hyphens. */
    slug: z.string().check(z.regex(/^[a-z][a-z0-9-]{1,30}$/)),
    /** AWS region, usually ap-southeast-3 (Jakarta). */
    region: z.string().check(z.regex(/^[a-z]{2}-[a-z]+-\d$/)),
    /** Local time of the regency: WIB (Asia/Jakarta), WITA (Asia/Makassar) or WIT (Asia/Jayapura). */
    timeZone: z.enum(['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura']),
    /** Optional fixed AWS account; otherwise the deploying credentials' account. */
    account: z.optional(z.string().check(z.regex(/^\d{12}$/))),
    /** Prefix of the Cognito hosted sign-in domain (globally unique across AWS). */
    cognitoDomainPrefix: z.string().check(z.regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/)),
    /**
     * The first admin: the stack creates this account in the admin group and Cognito e-mails it an
     * invitation; every other account is invited from the Pengguna page.
     */
    adminEmail: z.string().check(z.regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/)),
    /** Who hears about alarms (optional). */
    alarmEmail: z.optional(z.string().check(z.regex(/^[^@\s]+@[^@\s]+$/))),
    /** Optional own address (`siap.tanahbumbukab.go.id`); needs `certificateArn`, and a CNAME to the distribution. */
    domainName: z.optional(z.string().check(z.regex(hostName, 'a lower-case host name such as siap.example.go.id'))),
    /** ACM certificate in us-east-1 covering `domainName` (CloudFront takes certificates from there only). */
    certificateArn: z.optional(
      z
        .string()
        .check(z.regex(cloudFrontCertificateArn, 'an ACM certificate ARN in us-east-1 (arn:aws:acm:us-east-1:…)')),
    ),
  })
  .check(
    z.refine((config) => (config.domainName === undefined) === (config.certificateArn === undefined), {
      message: 'domainName and certificateArn go together: set both or neither',
      path: ['certificateArn'],
    }),
    // A distribution can only use a certificate of its own account.
    z.refine(
      (config) =>
        !config.account ||
        !config.certificateArn ||
        cloudFrontCertificateArn.exec(config.certificateArn)?.[1] === config.account,
      { message: "the certificate must belong to the regency's account", path: ['certificateArn'] },
    ),
  );
export type RegencyConfig = z.infer<typeof RegencyConfig>;

/** Slugs of every configured regency. */
export function regencySlugs(): string[] {
  return readdirSync(configDir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.replace(/\.json$/, ''))
    .sort();
}

/** Loads and validates a regency's config; the error lists the configured slugs. */
export function loadRegencyConfig(slug: string | undefined): RegencyConfig {
  const known = regencySlugs();
  if (!slug || !known.includes(slug)) {
    throw new Error(
      `Choose a regency with -c regency=<slug>. Configured: ${known.join(', ')} (config/regencies/<slug>.json)`,
    );
  }
  const parsed = RegencyConfig.safeParse(JSON.parse(readFileSync(join(configDir, `${slug}.json`), 'utf8')));
  if (!parsed.success) throw new Error(`config/regencies/${slug}.json is invalid: ${z.prettifyError(parsed.error)}`);
  if (parsed.data.slug !== slug) throw new Error(`config/regencies/${slug}.json must have "slug": "${slug}"`);
  return parsed.data;
}
