/**
 * The usual set-up of an integration test file in one call: a real Asterisk 22 container, the
 * gateway under test (unless `setup` is null) and an AMI session of the test's own (unless
 * `ami: false`), started in `beforeAll` in that order and stopped in `afterAll` in reverse order,
 * skipping whatever did not start. Register it at the top of a `describe`; read the parts through
 * the returned getters inside hooks and tests.
 */
import { afterAll, beforeAll, inject } from 'vitest';
import { AmiSession } from './ami-session.js';
import { AsteriskContainer } from './asterisk-container.js';
import type { StartedAsteriskContainer } from './asterisk-container.js';
import { GatewayUnderTest } from './gateway-under-test.js';
import type { GatewaySetup } from './gateway-under-test.js';

export class TestBedNotReadyError extends Error {
  override readonly name = 'TestBedNotReadyError';
}

export interface TestBed {
  readonly asterisk: StartedAsteriskContainer;
  readonly gut: GatewayUnderTest;
  readonly ami: AmiSession;
}

export interface TestBedOptions {
  /** Connect an AMI session of the test's own (default true). */
  readonly ami?: boolean;
}

export function useTestBed(setup: GatewaySetup | null = {}, options: TestBedOptions = {}): TestBed {
  let asterisk: StartedAsteriskContainer | undefined;
  let gut: GatewayUnderTest | undefined;
  let ami: AmiSession | undefined;

  beforeAll(async () => {
    asterisk = await new AsteriskContainer(inject('asteriskImage')).start();
    if (setup !== null) gut = await GatewayUnderTest.start(asterisk, setup);
    if (options.ami ?? true) ami = await AmiSession.connect(asterisk);
  });

  afterAll(async () => {
    const stops = [() => ami?.stop(), () => gut?.close(), () => asterisk?.stop()];
    const errors: unknown[] = [];
    for (const stop of stops) {
      try {
        await stop();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length > 0) throw new AggregateError(errors, 'test bed did not stop cleanly');
  });

  const ready = <T>(part: T | undefined, name: string, hint: string): T => {
    if (part === undefined) throw new TestBedNotReadyError(`test bed: ${name} not started (${hint})`);
    return part;
  };
  const notYet = 'use it inside a hook or test, after beforeAll';
  return {
    get asterisk() {
      return ready(asterisk, 'asterisk', notYet);
    },
    get gut() {
      return ready(gut, 'gut', setup === null ? 'useTestBed(null) starts no gateway' : notYet);
    },
    get ami() {
      return ready(ami, 'ami', options.ami === false ? 'useTestBed(…, { ami: false }) connects no AMI session' : notYet);
    },
  };
}
