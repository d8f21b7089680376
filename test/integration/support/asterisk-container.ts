/**
 * A real Asterisk 22 in Docker, testcontainers-module style, on the host network:
 * `const asterisk = await new AsteriskContainer(image).start()`.
 * Ports (AMI, SIP, RTP range, one SIP and one media port per phone) are picked free per run and
 * written into the config, which is bind-mounted at /opt/asterisk/config. A scratch folder for the
 * phones' sipp scenarios (see phone.ts) is mounted at /opt/sipp.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GenericContainer, Wait } from 'testcontainers';
import type { ExecResult, StartedTestContainer } from 'testcontainers';
import {
  placeholderValues,
  portsFromBlock,
  udpOffsetsToCheck,
  writeAsteriskConfig,
} from './asterisk-config.js';
import type { AmiCredentials, AsteriskPorts, PhoneName } from './asterisk-config.js';
import { freeTcpPort, freeUdpBlock } from './free-ports.js';
import { useLocalDockerEnvironment } from './docker-env.js';

export const CONTAINER_CONFIG_DIR = '/opt/asterisk/config';
export const CONTAINER_SIPP_DIR = '/opt/sipp';
const ASTERISK_READY = /Asterisk Ready/;

export class AsteriskCommandError extends Error {
  override readonly name = 'AsteriskCommandError';
}

export class AsteriskContainer {
  private credentials: AmiCredentials = { username: 'gateway', secret: 'gateway-secret' };
  private startupTimeoutMs = 120_000;

  constructor(private readonly image: string) {}

  withAmiCredentials(username: string, secret: string): this {
    this.credentials = { username, secret };
    return this;
  }

  withStartupTimeout(ms: number): this {
    this.startupTimeoutMs = ms;
    return this;
  }

  async start(): Promise<StartedAsteriskContainer> {
    useLocalDockerEnvironment();
    const base = await freeUdpBlock(udpOffsetsToCheck());
    const ports = portsFromBlock(base, await freeTcpPort());
    const configDir = writeAsteriskConfig(placeholderValues(ports, this.credentials, CONTAINER_CONFIG_DIR));
    const sippDir = mkdtempSync(join(tmpdir(), 'asterisk-sipp-'));
    chmodSync(sippDir, 0o777);
    try {
      const container = await new GenericContainer(this.image)
        .withNetworkMode('host')
        .withBindMounts([
          { source: configDir, target: CONTAINER_CONFIG_DIR, mode: 'ro' },
          { source: sippDir, target: CONTAINER_SIPP_DIR, mode: 'rw' },
        ])
        .withCommand(['/usr/sbin/asterisk', '-f', '-C', `${CONTAINER_CONFIG_DIR}/asterisk.conf`])
        .withWaitStrategy(Wait.forLogMessage(ASTERISK_READY))
        .withStartupTimeout(this.startupTimeoutMs)
        .start();
      const started = new StartedAsteriskContainer(container, ports, this.credentials, configDir, sippDir);
      await started.waitFullyBooted();
      return started;
    } catch (error) {
      rmSync(configDir, { recursive: true, force: true });
      rmSync(sippDir, { recursive: true, force: true });
      throw error;
    }
  }
}

export class StartedAsteriskContainer {
  /** The sipp process (its exit) last started for each phone: a phone's ports are free once it ends. */
  private readonly phoneProcesses = new Map<PhoneName, Promise<unknown>>();

  constructor(
    private readonly container: StartedTestContainer,
    private readonly ports: AsteriskPorts,
    private readonly credentials: AmiCredentials,
    private readonly configDir: string,
    private readonly sippDir: string,
  ) {}

  getId(): string {
    return this.container.getId();
  }
  getAmiHost(): string {
    return '127.0.0.1';
  }
  getAmiPort(): number {
    return this.ports.ami;
  }
  getAmiUsername(): string {
    return this.credentials.username;
  }
  getAmiSecret(): string {
    return this.credentials.secret;
  }
  /** Asterisk's own SIP (UDP) port on 127.0.0.1. */
  getSipPort(): number {
    return this.ports.sip;
  }
  getRtpRange(): { readonly start: number; readonly end: number } {
    return { start: this.ports.rtpStart, end: this.ports.rtpEnd };
  }
  /** SIP port on 127.0.0.1 where Asterisk expects the phone (sipp) of this extension or the trunk. */
  getPhoneSipPort(phone: PhoneName): number {
    return this.ports.phoneSip[phone];
  }
  /** First media port of that phone (sipp -mp). */
  getPhoneMediaPort(phone: PhoneName): number {
    return this.ports.phoneMedia[phone];
  }
  getPorts(): AsteriskPorts {
    return this.ports;
  }
  /** The folder (on the host) holding this container's filled-in config. */
  getConfigDir(): string {
    return this.configDir;
  }

  /** The host folder mounted at /opt/sipp in the container (phones write their scenarios there). */
  getSippDir(): string {
    return this.sippDir;
  }

  /** Records the exit of the sipp process now playing `phone` (used by phone.ts). */
  trackPhoneProcess(phone: PhoneName, exited: Promise<unknown>): void {
    this.phoneProcesses.set(phone, exited);
  }

  /** Resolves once the last sipp process that played `phone` has ended (its ports are free again). */
  async phoneProcessEnded(phone: PhoneName): Promise<void> {
    await this.phoneProcesses.get(phone);
  }

  exec(command: readonly string[]): Promise<ExecResult> {
    return this.container.exec([...command]);
  }

  /** `asterisk -rx <command>`; throws when the CLI exits non-zero. Returns its output. */
  async cli(command: string): Promise<string> {
    const result = await this.exec(['asterisk', '-C', `${CONTAINER_CONFIG_DIR}/asterisk.conf`, '-rx', command]);
    if (result.exitCode !== 0) {
      throw new AsteriskCommandError(`asterisk -rx "${command}" exited ${result.exitCode}: ${result.output}`);
    }
    return result.output;
  }

  /** Resolves once Asterisk says it is fully booted (retries while its CLI socket is not there yet). */
  async waitFullyBooted(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const result = await this.exec(['asterisk', '-C', `${CONTAINER_CONFIG_DIR}/asterisk.conf`, '-rx', 'core waitfullybooted']);
      if (result.exitCode === 0 && /fully booted/i.test(result.output)) return;
      if (Date.now() > deadline) throw new AsteriskCommandError(`Asterisk not fully booted: ${result.output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** Restarts the container (Asterisk stops; AMI sessions drop) and waits until Asterisk is up again. */
  async restart(): Promise<void> {
    await this.container.restart({ timeout: 10_000 });
    await this.waitFullyBooted();
  }

  async stop(): Promise<void> {
    try {
      await this.container.stop({ timeout: 2_000 });
    } finally {
      rmSync(this.configDir, { recursive: true, force: true });
      rmSync(this.sippDir, { recursive: true, force: true });
    }
  }
}
