/**
 * testcontainers on these machines: no bridge network (so its host detection must be told
 * 127.0.0.1) and no registry (so its Ryuk reaper image cannot be pulled). Keeps values already set.
 */
export function useLocalDockerEnvironment(): void {
  process.env.TESTCONTAINERS_HOST_OVERRIDE ??= '127.0.0.1';
  process.env.TESTCONTAINERS_RYUK_DISABLED ??= 'true';
}
