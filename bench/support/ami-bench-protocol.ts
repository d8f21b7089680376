/** What the benchmark AMI server (ami-bench-server.ts, a child process) tells its parent, and its end marker. */
export interface ServerReady {
  readonly port: number;
  /** Bytes written after the Ping response, end marker included. */
  readonly payloadBytes: number;
  readonly events: number;
  readonly noiseEvents: number;
}

/** The last lines of the payload: `Event: UserEvent`, `UserEvent: BenchEnd`, empty line. */
export const END_MARKER = 'UserEvent: BenchEnd\r\n\r\n';
