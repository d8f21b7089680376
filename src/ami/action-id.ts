import { randomBytes } from 'node:crypto';

/** ActionIDs unique to one client: a random per-client prefix and a counter (`3f9a1c-17`). */
export class ActionIdSource {
  private counter = 0;
  readonly prefix: string;

  constructor(prefix: string = randomBytes(3).toString('hex')) {
    this.prefix = prefix;
  }

  next(): string {
    this.counter += 1;
    return `${this.prefix}-${this.counter}`;
  }
}
