/**
 * The test bed's Asterisk configuration: the templates in docker/asterisk/config with their
 * @PLACEHOLDERS@ filled in for one container (ports chosen per run, AMI credentials).
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
export const CONFIG_TEMPLATE_DIR = join(REPO_ROOT, 'docker', 'asterisk', 'config');

/** Extensions that have a PJSIP endpoint (a sipp phone can play each), plus the trunk. */
export const PHONE_EXTENSIONS = ['100', '101', '102', '103', '104', '105', '200', '201', '202', '203', '204', '205'] as const;
export type PhoneExtension = (typeof PHONE_EXTENSIONS)[number];
export type PhoneName = PhoneExtension | 'trunk';
export const PHONE_NAMES: readonly PhoneName[] = [...PHONE_EXTENSIONS, 'trunk'];

/** Where each thing lives relative to the UDP block base. */
export const LAYOUT = {
  sipOffset: 0,
  phoneSipOffset: 10, // phone i: base + 10 + i
  phoneMediaOffset: 100, // phone i: base + 100 + 10 * i (sipp uses a few ports from there)
  mediaPortsPerPhone: 10,
  rtpOffset: 300, // Asterisk RTP range: base + 300 .. base + 699
  rtpCount: 400,
} as const;

export interface AsteriskPorts {
  readonly ami: number;
  readonly sip: number;
  readonly rtpStart: number;
  readonly rtpEnd: number;
  /** SIP port of each phone (sipp -p) on 127.0.0.1. */
  readonly phoneSip: Readonly<Record<PhoneName, number>>;
  /** Media (RTP) base port of each phone (sipp -mp). */
  readonly phoneMedia: Readonly<Record<PhoneName, number>>;
}

export interface AmiCredentials {
  readonly username: string;
  readonly secret: string;
}

/** The UDP offsets (from the block base) that must be free before Asterisk and the phones start. */
export function udpOffsetsToCheck(): number[] {
  const offsets: number[] = [LAYOUT.sipOffset];
  PHONE_NAMES.forEach((_, i) => {
    offsets.push(LAYOUT.phoneSipOffset + i);
    for (let k = 0; k < 4; k += 1) offsets.push(LAYOUT.phoneMediaOffset + LAYOUT.mediaPortsPerPhone * i + k);
  });
  return offsets;
}

export function portsFromBlock(base: number, amiPort: number): AsteriskPorts {
  const phoneSip = {} as Record<PhoneName, number>;
  const phoneMedia = {} as Record<PhoneName, number>;
  PHONE_NAMES.forEach((name, i) => {
    phoneSip[name] = base + LAYOUT.phoneSipOffset + i;
    phoneMedia[name] = base + LAYOUT.phoneMediaOffset + LAYOUT.mediaPortsPerPhone * i;
  });
  return {
    ami: amiPort,
    sip: base + LAYOUT.sipOffset,
    rtpStart: base + LAYOUT.rtpOffset,
    rtpEnd: base + LAYOUT.rtpOffset + LAYOUT.rtpCount - 1,
    phoneSip,
    phoneMedia,
  };
}

export function placeholderValues(ports: AsteriskPorts, credentials: AmiCredentials, configDir: string): Record<string, string> {
  const values: Record<string, string> = {
    CONFIG_DIR: configDir,
    AMI_PORT: String(ports.ami),
    AMI_USERNAME: credentials.username,
    AMI_SECRET: credentials.secret,
    SIP_PORT: String(ports.sip),
    RTP_START: String(ports.rtpStart),
    RTP_END: String(ports.rtpEnd),
  };
  for (const name of PHONE_NAMES) values[`PORT_${name.toUpperCase()}`] = String(ports.phoneSip[name]);
  return values;
}

export class UnfilledPlaceholderError extends Error {
  override readonly name = 'UnfilledPlaceholderError';
}

/** Replaces every @NAME@; throws when a template names a placeholder that has no value. */
export function fillTemplate(text: string, values: Readonly<Record<string, string>>, file = 'template'): string {
  return text.replace(/@([A-Z0-9_]+)@/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new UnfilledPlaceholderError(`${file}: no value for @${name}@`);
    return value;
  });
}

/** Writes the filled templates into a new temporary folder and returns its path. */
export function writeAsteriskConfig(values: Readonly<Record<string, string>>, templateDir = CONFIG_TEMPLATE_DIR): string {
  const dir = mkdtempSync(join(tmpdir(), 'asterisk-config-'));
  for (const file of readdirSync(templateDir)) {
    const text = readFileSync(join(templateDir, file), 'utf8');
    writeFileSync(join(dir, file), fillTemplate(text, values, file));
  }
  return dir;
}
