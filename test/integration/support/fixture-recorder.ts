/** Keeps every AMI message a client receives, with its time relative to the start, for a fixture. */
import { writeFileSync } from 'node:fs';
import type { Observable, Subscription } from 'rxjs';
import type { AmiMessage } from '../../../src/events/ami-message.js';
import { formatFixtureLine } from '../../fixtures/fixture-format.js';
import type { FixtureLine } from '../../fixtures/fixture-format.js';

export class FixtureRecorder {
  readonly lines: FixtureLine[] = [];
  private readonly started = process.hrtime.bigint();
  private readonly subscription: Subscription;

  constructor(messages$: Observable<AmiMessage>) {
    this.subscription = messages$.subscribe((message) => {
      const t = Number((process.hrtime.bigint() - this.started) / 1_000_000n);
      this.lines.push({ t, message });
    });
  }

  stop(): void {
    this.subscription.unsubscribe();
  }

  toJsonl(): string {
    return this.lines.map(formatFixtureLine).join('\n') + '\n';
  }

  writeTo(path: string): void {
    writeFileSync(path, this.toJsonl());
  }
}
