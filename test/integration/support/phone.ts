/**
 * SIP phones for the integration tests: each is one sipp process (the image's sipp, run in the
 * Asterisk container with `docker exec`, host network, 127.0.0.1) playing extension N from the
 * port where Asterisk expects that phone. The test drives it step by step through sipp's 3PCC twin
 * socket: no sleeps, every step resolves on the phone's own report (X-Event).
 *
 *   const bob = await Phone.receive(asterisk, '200');          // waits for a call
 *   const alice = await Phone.dial(asterisk, '100', '200');     // INVITE 200
 *   await bob.waitFor('incoming'); await bob.ring(); await bob.answer();
 *   await alice.waitFor('answered'); await alice.hold(); await alice.unhold(); await alice.hangup();
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PhoneName } from './asterisk-config.js';
import { CONTAINER_SIPP_DIR } from './asterisk-container.js';
import type { StartedAsteriskContainer } from './asterisk-container.js';
import { SippTwin } from './sipp-twin.js';
import type { TwinMessage } from './sipp-twin.js';

const TEMPLATE_DIR = fileURLToPath(new URL('./sipp/', import.meta.url));
const PCAP_AUDIO = '/usr/share/sip-tester/g711a.pcap';

export type PhoneEvent =
  | 'started'
  | 'incoming'
  | 'ringing'
  | 'answered'
  | 'rejected'
  | 'canceled'
  | 'held'
  | 'unheld'
  | 'transferred'
  | 'ended'
  | 'remote-hangup';

export interface PhoneOptions {
  /** Send RTP (a PCMA pcap, ~7 s) once the call is answered: needed for Local channel optimisation. */
  readonly media?: boolean;
  /** Extra SIP header lines for the INVITE of a dialling phone (e.g. a P-Asserted-Identity for the trunk). */
  readonly extraHeaders?: readonly string[];
  /** sipp quits after this many seconds whatever happens (default 120). */
  readonly timeoutSeconds?: number;
  /** How long waitFor() waits by default (ms, default 20 000). */
  readonly waitTimeoutMs?: number;
}

export class PhoneError extends Error {
  override readonly name = 'PhoneError';
}

function scenarioText(template: 'phone-uac.xml' | 'phone-uas.xml', options: PhoneOptions): string {
  const media = options.media === true ? `<nop><action><exec play_pcap_audio="${PCAP_AUDIO}"/></action></nop>` : '';
  const extra = (options.extraHeaders ?? []).join('\n      ');
  let text = readFileSync(join(TEMPLATE_DIR, template), 'utf8').replaceAll('{{MEDIA}}', media);
  text = extra === '' ? text.replace(/^[ \t]*\{\{EXTRA_HEADERS\}\}\r?\n/m, '') : text.replace('{{EXTRA_HEADERS}}', extra);
  return text;
}

interface Waiter {
  readonly event: PhoneEvent;
  readonly resolve: () => void;
}

export class Phone {
  private readonly seen: PhoneEvent[] = [];
  private waiters: Waiter[] = [];
  private callId: string | undefined;
  private exitCode: number | null | undefined;
  private readonly exited: Promise<number | null>;
  private stderr = '';

  private constructor(
    readonly name: PhoneName,
    private readonly twin: SippTwin,
    private readonly process: ChildProcess,
    private readonly waitTimeoutMs: number,
    readonly traceFile: string,
  ) {
    process.stderr?.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    this.exited = new Promise((resolve) => {
      process.on('close', (code) => {
        this.exitCode = code;
        twin.close();
        resolve(code);
      });
    });
  }

  /** Starts phone `from` calling `number` (what it dials, e.g. '200', '800', '95551000'). */
  static dial(asterisk: StartedAsteriskContainer, from: PhoneName, number: string, options: PhoneOptions = {}): Promise<Phone> {
    return Phone.launch(asterisk, from, 'phone-uac.xml', ['-s', number], options, 'started');
  }

  /** Starts phone `name` waiting for one incoming call (resolves once sipp listens). */
  static receive(asterisk: StartedAsteriskContainer, name: PhoneName, options: PhoneOptions = {}): Promise<Phone> {
    return Phone.launch(asterisk, name, 'phone-uas.xml', [], options, undefined);
  }

  private static async launch(
    asterisk: StartedAsteriskContainer,
    name: PhoneName,
    template: 'phone-uac.xml' | 'phone-uas.xml',
    extraArgs: readonly string[],
    options: PhoneOptions,
    readyEvent: PhoneEvent | undefined,
  ): Promise<Phone> {
    await asterisk.phoneProcessEnded(name);
    const file = `${name}-${randomUUID().slice(0, 8)}-${template}`;
    writeFileSync(join(asterisk.getSippDir(), file), scenarioText(template, options));
    const holder: { phone?: Phone } = {};
    const pending: TwinMessage[] = [];
    const twin = await SippTwin.listen((message) => (holder.phone ? holder.phone.onTwinMessage(message) : pending.push(message)));
    const mediaPort = asterisk.getPhoneMediaPort(name);
    const traceFile = `${CONTAINER_SIPP_DIR}/${file}.trace`;
    const args = [
      'exec', asterisk.getId(),
      'sipp', `127.0.0.1:${asterisk.getSipPort()}`,
      '-sf', `${CONTAINER_SIPP_DIR}/${file}`,
      '-i', '127.0.0.1',
      '-p', String(asterisk.getPhoneSipPort(name)),
      '-min_rtp_port', String(mediaPort),
      '-max_rtp_port', String(mediaPort + 9),
      '-m', '1',
      '-nostdin',
      '-aa', // answer INFO, NOTIFY, OPTIONS and UPDATE with 200 by itself
      '-3pcc', `127.0.0.1:${twin.port}`,
      '-key', 'me', name,
      '-timeout', `${options.timeoutSeconds ?? 120}s`,
      '-trace_msg', '-message_file', traceFile,
      '-trace_err', '-error_file', `${traceFile}.err`,
      ...extraArgs,
    ];
    const child = spawn('docker', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    const phone = new Phone(name, twin, child, options.waitTimeoutMs ?? 20_000, traceFile);
    holder.phone = phone;
    asterisk.trackPhoneProcess(name, phone.waitForExit());
    for (const message of pending) phone.onTwinMessage(message);
    if (readyEvent !== undefined) {
      await phone.waitFor(readyEvent);
    } else {
      await phone.waitListening(asterisk);
    }
    return phone;
  }

  /** Events this phone reported so far, in order. */
  events(): readonly PhoneEvent[] {
    return this.seen;
  }

  getCallId(): string | undefined {
    return this.callId;
  }

  /** Resolves when the phone has reported `event` (now or earlier). */
  waitFor(event: PhoneEvent, timeoutMs = this.waitTimeoutMs): Promise<void> {
    if (this.seen.includes(event)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new PhoneError(`phone ${this.name}: no "${event}" within ${timeoutMs} ms (seen: ${this.seen.join(', ') || 'nothing'}; exit ${String(this.exitCode)}; ${this.stderr.slice(-500)})`));
      }, timeoutMs);
      const waiter: Waiter = {
        event,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** Incoming call: send 180 Ringing. */
  ring(): Promise<void> {
    return this.command('ring', 'ringing');
  }
  /** Incoming call: answer with 200 OK (waits for the ACK). */
  answer(): Promise<void> {
    return this.command('answer', 'answered');
  }
  /** Incoming call: reject with 486 Busy Here. */
  busy(): Promise<void> {
    return this.command('busy', 'rejected');
  }
  /** Outgoing call still ringing: CANCEL it. */
  cancel(): Promise<void> {
    return this.command('cancel', 'canceled');
  }
  /** In a call: re-INVITE with a=sendonly. */
  hold(): Promise<void> {
    return this.command('hold', 'held');
  }
  /** In a call: re-INVITE with a=sendrecv. */
  unhold(): Promise<void> {
    return this.command('unhold', 'unheld');
  }
  /**
   * In a call: blind transfer by SIP REFER (Refer-To: <number>@Asterisk). Resolves on the 202;
   * sipp answers Asterisk's NOTIFYs itself; Asterisk sends no BYE: end with hangup() (a 481 is fine).
   */
  transfer(target: string): Promise<void> {
    return this.command('refer', 'transferred', { 'X-Target': target });
  }
  /** In a call: send BYE. */
  hangup(): Promise<void> {
    return this.command('hangup', 'ended');
  }

  /** Resolves with sipp's exit code once it has ended. */
  waitForExit(): Promise<number | null> {
    return this.exited;
  }

  private async command(command: string, expected: PhoneEvent, headers: Readonly<Record<string, string>> = {}): Promise<void> {
    if (this.callId === undefined) throw new PhoneError(`phone ${this.name}: no call yet`);
    this.twin.send(this.callId, command, headers);
    await this.waitFor(expected);
  }

  private onTwinMessage(message: TwinMessage): void {
    const callId = message.headers['Call-ID'];
    if (callId !== undefined) this.callId = callId;
    const event = message.headers['X-Event'] as PhoneEvent | undefined;
    if (event === undefined) return;
    this.seen.push(event);
    const ready = this.waiters.filter((w) => w.event === event);
    this.waiters = this.waiters.filter((w) => w.event !== event);
    for (const waiter of ready) waiter.resolve();
  }

  /** A receiving sipp has no event before the INVITE: wait until its SIP port is bound. */
  private async waitListening(asterisk: StartedAsteriskContainer): Promise<void> {
    const port = asterisk.getPhoneSipPort(this.name);
    const deadline = Date.now() + this.waitTimeoutMs;
    for (;;) {
      const result = await asterisk.exec(['sh', '-c', `grep -qi ':${port.toString(16).toUpperCase().padStart(4, '0')} ' /proc/net/udp`]);
      if (result.exitCode === 0) return;
      if (this.exitCode !== undefined || Date.now() > deadline) {
        throw new PhoneError(`phone ${this.name}: sipp did not start listening on ${port} (${this.stderr.slice(-500)})`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
