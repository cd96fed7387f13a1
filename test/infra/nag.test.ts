/** cdk-nag's AWS Solutions rules over both regency stacks: nothing unacknowledged, every acknowledgement with its reason. */
import { Validations } from 'aws-cdk-lib';
import { regencyApp } from './synth.ts';

test.each(['oku-selatan', 'tanah-bumbu'])('cdk-nag AwsSolutions finds nothing unacknowledged in %s', (slug) => {
  const { app } = regencyApp(slug, { nag: true });
  expect(() => app.synth()).not.toThrow();
});

test('every acknowledgement states its reason next to the resource it excuses', () => {
  const { stack } = regencyApp('oku-selatan', { nag: true });
  const acknowledged = stack.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .map((entry) => ({
        path: construct.node.path,
        data: entry.data as Record<string, { reason?: string } | string>,
      })),
  );
  expect(acknowledged.length).toBeGreaterThan(0);
  for (const { path, data } of acknowledged) {
    for (const [rule, value] of Object.entries(data)) {
      const reason = typeof value === 'string' ? value : value.reason;
      expect({ path, rule, reasonLength: (reason ?? '').length >= 30 }).toEqual({ path, rule, reasonLength: true });
    }
  }
});
