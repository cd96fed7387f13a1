import { mockClient } from 'aws-sdk-client-mock';

/** Errors as the AWS SDK raises them when a service is throttled, slow or down. */
export const faults = {
  throttled: () =>
    Object.assign(new Error('Rate of requests exceeds the allowed throughput.'), {
      name: 'ProvisionedThroughputExceededException',
      $fault: 'client',
      $metadata: { httpStatusCode: 400 },
    }),
  timeout: () => Object.assign(new Error('Connection timed out after 3000 ms'), { name: 'TimeoutError' }),
  unavailable: () =>
    Object.assign(new Error('Service Unavailable'), {
      name: 'ServiceUnavailable',
      $fault: 'server',
      $metadata: { httpStatusCode: 503 },
    }),
  refused: () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
};

type CommandClass = new (input: never) => object;
type Client = { send: (command: never) => Promise<unknown> };

/**
 * Puts a fault switch in front of a real client: every command still reaches the real local
 * service, unless `failWhen` says this call should fail. The mock library is used only to get in
 * between; no answer is ever invented.
 */
export function faultSwitch(client: Client, commands: CommandClass[]) {
  const original = client.send.bind(client) as (command: object) => Promise<unknown>;
  const mock = mockClient(client as never);
  const counts = new Map<string, number>();
  let rule: ((command: string, nth: number) => Error | undefined) | undefined;
  for (const Command of commands) {
    mock.on(Command as never).callsFake(async (input: object) => {
      const nth = (counts.get(Command.name) ?? 0) + 1;
      counts.set(Command.name, nth);
      const error = rule?.(Command.name, nth);
      if (error) throw error;
      return original(new Command(input as never));
    });
  }
  return {
    /** From now on, fail the calls for which `decide` answers an error. */
    failWhen(decide: (command: string, nth: number) => Error | undefined) {
      counts.clear();
      rule = decide;
    },
    heal() {
      rule = undefined;
    },
    restore() {
      mock.restore();
    },
  };
}
