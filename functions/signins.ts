/**
 * Cognito's post-authentication trigger: notes when a person signed in, for the people list
 * (Cognito's ListUsers does not say). The sign-in itself never waits on it or fails for it: a
 * trigger that throws would refuse the sign-in, so a failed write is logged and the event returned.
 * Locally the sign-in calls this same handler with an event of the same shape.
 */
import type { PostAuthenticationTriggerEvent } from 'aws-lambda';
import { log } from '#shared/kernel/log.ts';
import { recordSignIn } from '#shared/people/sign-ins.ts';

export async function handler(event: PostAuthenticationTriggerEvent): Promise<PostAuthenticationTriggerEvent> {
  const userId = event.request.userAttributes.sub;
  if (!userId) return event;
  try {
    await recordSignIn(userId, new Date().toISOString());
  } catch (error) {
    log.error('sign-in not recorded', { userId, error: (error as Error).name });
  }
  return event;
}
