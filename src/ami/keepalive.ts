import { AmiTimeoutError } from './errors/ami-timeout-error.js';

/**
 * Checks a link with AMI Ping every `intervalMs`: a Ping that times out means the peer is gone
 * (a half-open TCP connection is otherwise not noticed for hours) and `onDead` drops the link.
 * Other failures (the link closed meanwhile) just stop or reschedule it.
 */
export class Keepalive {
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private readonly intervalMs: number,
    private readonly ping: () => Promise<unknown>,
    private readonly onDead: () => void,
  ) {}

  start(): void {
    this.running = true;
    this.schedule();
  }

  stop(): void {
    this.running = false;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.running) return;
      this.ping().then(
        () => {
          if (this.running) this.schedule();
        },
        (error: unknown) => {
          if (!this.running) return;
          if (error instanceof AmiTimeoutError) {
            this.running = false;
            this.onDead();
          } else {
            this.schedule();
          }
        },
      );
    }, this.intervalMs);
  }
}
