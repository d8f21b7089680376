/** Messages between the HTTP benchmark (parent) and its server child (http-bench-server.ts). */
export interface HttpServerReady {
  readonly type: 'ready';
  /** Basic auth checked by a plain comparison (no hashing): the REST code's own cost. */
  readonly plainAuthPort: number;
  /** Basic auth checked by the real ApiUserRepository (scrypt, default cost parameters). */
  readonly scryptAuthPort: number;
  /** Basic auth as the gateway runs it: scrypt, with successful checks remembered (CachedApiUserVerifier). */
  readonly cachedAuthPort: number;
  readonly segments: number;
  readonly visibleSegments: number;
  /** Id of one visible segment, for the instance path. */
  readonly instanceId: string;
  readonly username: string;
  readonly password: string;
}

export interface HttpServerCpu {
  readonly type: 'cpu';
  /** process.cpuUsage() of the server child: user + system µs so far. */
  readonly micros: number;
}

export type HttpServerMessage = HttpServerReady | HttpServerCpu;
