/**
 * Benchmark-only AMI server, run as a child process (so its CPU is not the client's): listens on
 * 127.0.0.1 port 0, tells the parent its port and payload over IPC, and on every connection
 * writes the banner, answers Login/Logoff, and answers Ping by writing the whole payload: N
 * events, every other one a VarSet (about half of what real Asterisk sends, docs/ami-findings.md
 * §1), the others call events of 17–31 headers, then `Event: UserEvent / UserEvent: BenchEnd`.
 * Not to be imported (it starts at once); the parent forks it. Stops when the parent disconnects. Argument: number of events (default 200,000).
 */
import { createServer, type Socket } from 'node:net';
import type { AmiMessage } from '../../src/events/ami-message.js';
import { sampleEvent } from '../../test/unit/ami/sample-events.js';
import { BANNER, wire } from '../../test/unit/ami/wire.js';
import { END_MARKER, type ServerReady } from './ami-bench-protocol.js';


const events = Number(process.argv[2] ?? 200_000);

/** A VarSet as Asterisk 22 writes it: the channel snapshot of the event it goes with, plus Variable/Value. */
function varSet(n: number): AmiMessage {
  const { Event: _event, Privilege: _privilege, ...rest } = sampleEvent(n);
  const channel = Object.fromEntries(Object.entries(rest).filter(([key]) => !key.startsWith('Dest') && !key.startsWith('Bridge')));
  return { Event: 'VarSet', Privilege: 'dialplan,all', ...channel, Variable: n % 3 === 0 ? 'DIALSTATUS' : 'BRIDGEPEER', Value: `PJSIP/200-${n.toString(16).padStart(8, '0')}` };
}

const parts: string[] = [];
let noise = 0;
for (let n = 0; n < events; n++) {
  if (n % 2 === 0) parts.push(wire(sampleEvent(n >> 1)));
  else {
    parts.push(wire(varSet(n >> 1)));
    noise++;
  }
}
parts.push(`Event: UserEvent\r\nPrivilege: user,all\r\n${END_MARKER}`);
const payload = Buffer.from(parts.join(''), 'utf8');

function actionIdOf(action: string): string {
  return /^ActionID: (.*)$/m.exec(action)?.[1]?.trim() ?? '';
}

function serve(socket: Socket): void {
  socket.setNoDelay(true);
  socket.on('error', () => socket.destroy());
  socket.write(BANNER);
  let pending = '';
  socket.on('data', (data: Buffer) => {
    pending += data.toString('utf8');
    for (let end = pending.indexOf('\r\n\r\n'); end !== -1; end = pending.indexOf('\r\n\r\n')) {
      const action = pending.slice(0, end);
      pending = pending.slice(end + 4);
      const id = actionIdOf(action);
      if (/^Action: Login$/im.test(action)) {
        socket.write(`Response: Success\r\nActionID: ${id}\r\nMessage: Authentication accepted\r\n\r\n`);
        socket.write('Event: FullyBooted\r\nPrivilege: system,all\r\nStatus: Fully Booted\r\n\r\n');
      } else if (/^Action: Ping$/im.test(action)) {
        socket.write(`Response: Success\r\nActionID: ${id}\r\nPing: Pong\r\nTimestamp: 1764862000.000000\r\n\r\n`);
        socket.write(payload);
      } else if (/^Action: Logoff$/im.test(action)) {
        socket.end(`Response: Goodbye\r\nActionID: ${id}\r\nMessage: Thanks for all the fish.\r\n\r\n`);
      }
    }
  });
}

const server = createServer(serve);
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  const ready: ServerReady = { port: address.port, payloadBytes: payload.length, events: events + 1, noiseEvents: noise };
  process.send?.(ready);
});
process.on('disconnect', () => {
  server.close();
  process.exit(0);
});
