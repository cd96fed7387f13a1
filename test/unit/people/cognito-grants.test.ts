/**
 * The least-privilege tour runs locally, where accounts live in the table, so it never sees a
 * Cognito call. This binds the Cognito adapter's code to its grant instead: every command the
 * adapter imports is an action the users function is granted, and every granted action is one
 * the adapter sends.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { groupSettings } from '#infra/function-groups.ts';

test('the Cognito directory sends exactly the actions the users function is granted', () => {
  // Prepare
  const source = readFileSync(join(process.cwd(), 'shared/people/cognito-directory.ts'), 'utf8');
  const imported = /import \{([^}]+)\} from '@aws-sdk\/client-cognito-identity-provider'/.exec(source)?.[1] ?? '';
  // Act
  const commands = imported
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.endsWith('Command'))
    .map((name) => `cognito-idp:${name.replace(/Command$/, '')}`);
  const sent = commands.filter((action) => source.includes(`new ${action.replace('cognito-idp:', '')}Command(`));
  // Assess
  expect(sent.sort()).toEqual(commands.sort());
  expect(commands.sort()).toEqual([...(groupSettings.users.userPool ?? [])].sort());
});
