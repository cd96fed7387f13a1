import { loadRegencyConfig, RegencyConfig, regencySlugs } from '#infra/regency-config.ts';

const base = loadRegencyConfig('tanah-bumbu');
const certificateArn = 'arn:aws:acm:us-east-1:111122223333:certificate/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b';

function problems(config: Record<string, unknown>): string[] {
  const parsed = RegencyConfig.safeParse({ ...base, ...config });
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

test('every configured regency parses, with or without a custom domain', () => {
  for (const slug of regencySlugs()) expect(() => loadRegencyConfig(slug)).not.toThrow();
  expect(problems({ domainName: 'siap.tanahbumbukab.go.id', certificateArn })).toEqual([]);
});

test('a custom domain needs its certificate, and a certificate needs its domain', () => {
  expect(problems({ domainName: 'siap.tanahbumbukab.go.id' })).toEqual([
    'certificateArn: domainName and certificateArn go together: set both or neither',
  ]);
  expect(problems({ certificateArn })).toEqual([
    'certificateArn: domainName and certificateArn go together: set both or neither',
  ]);
});

test('the certificate must be an ACM certificate in us-east-1, where CloudFront takes them from', () => {
  for (const arn of [
    certificateArn.replace('us-east-1', 'ap-southeast-3'),
    certificateArn.replace(':acm:', ':iam:'),
    'not-an-arn',
  ]) {
    expect(problems({ domainName: 'siap.tanahbumbukab.go.id', certificateArn: arn })[0]).toMatch(/^certificateArn: /);
  }
});

test("a certificate of another account than the regency's is refused", () => {
  expect(problems({ account: '444455556666', domainName: 'siap.tanahbumbukab.go.id', certificateArn })).toEqual([
    "certificateArn: the certificate must belong to the regency's account",
  ]);
  expect(problems({ account: '111122223333', domainName: 'siap.tanahbumbukab.go.id', certificateArn })).toEqual([]);
});

test.each([
  'SIAP.tanahbumbukab.go.id',
  'siap.tanahbumbukab.go.id.',
  'https://siap.tanahbumbukab.go.id',
  'siap.tanahbumbukab.go.id/',
  'localhost',
  '-siap.go.id',
  'siap_pilkades.go.id',
])('%s is not a domain name the distribution can answer on', (domainName) => {
  expect(problems({ domainName, certificateArn })[0]).toMatch(/^domainName: /);
});
