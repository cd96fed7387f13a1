/**
 * cdk-nag's AWS Solutions rules over each regency's two stacks (the regency's and its us-east-1 edge
 * stack), with and without a custom domain: nothing unacknowledged, every acknowledgement with its reason.
 */
import { Validations } from 'aws-cdk-lib';
import { regencyApp } from './synth.ts';

const customDomain = {
  domainName: 'siap.okuselatankab.go.id',
  certificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b',
};

test.each(['oku-selatan', 'tanah-bumbu'])('cdk-nag AwsSolutions finds nothing unacknowledged in %s', (slug) => {
  const { app } = regencyApp(slug, { nag: true });
  expect(() => app.synth()).not.toThrow();
});

test('cdk-nag AwsSolutions finds nothing unacknowledged with a custom domain, which needs no TLS exception', () => {
  const { app, stack } = regencyApp('oku-selatan', { nag: true, config: customDomain });
  expect(() => app.synth()).not.toThrow();
  const acknowledged = stack.node
    .findAll()
    .flatMap((construct) => construct.node.metadata)
    .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
    .flatMap((entry) => Object.keys(entry.data as Record<string, unknown>));
  expect(acknowledged.some((rule) => rule.includes('CFR4'))).toBe(false);
});

test('every acknowledgement states its reason next to the resource it excuses', () => {
  const { app } = regencyApp('oku-selatan', { nag: true });
  const acknowledged = app.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .map((entry) => ({
        path: construct.node.path,
        data: entry.data as Record<string, { reason?: string } | string>,
      })),
  );
  expect(acknowledged.some(({ path }) => path.startsWith('SiapPilkadesEdge-oku-selatan/'))).toBe(true);
  for (const { path, data } of acknowledged) {
    for (const [rule, value] of Object.entries(data)) {
      const reason = typeof value === 'string' ? value : value.reason;
      expect({ path, rule, reasonLength: (reason ?? '').length >= 30 }).toEqual({ path, rule, reasonLength: true });
    }
  }
});
