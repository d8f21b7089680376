import { describe, expect, it } from 'vitest';
import { AmiFramingError } from '../../../src/ami/errors/ami-framing-error.js';
import { AmiFramer } from '../../../src/ami/framer.js';
import type { AmiMessage } from '../../../src/events/ami-message.js';
import { sampleEvent } from './sample-events.js';
import { BANNER, frameChunks, seededRandom, splitBytes, wire } from './wire.js';

function frameAll(text: string, framer = new AmiFramer()): AmiMessage[] {
  return framer.push(text);
}

describe('AmiFramer banner', () => {
  it('takes the banner line first and exposes its version', () => {
    const framer = new AmiFramer();
    expect(framer.version).toBeUndefined();
    const messages = framer.push(`${BANNER}Event: FullyBooted\r\nStatus: Fully Booted\r\n\r\n`);
    expect(framer.version).toBe('11.0.0');
    expect(messages).toEqual([{ Event: 'FullyBooted', Status: 'Fully Booted' }]);
  });

  it('waits for a banner split across chunks', () => {
    const framer = new AmiFramer();
    expect(framer.push('Asterisk Call Man')).toEqual([]);
    expect(framer.version).toBeUndefined();
    expect(framer.push('ager/11.0.0\r')).toEqual([]);
    expect(framer.push('\nResponse: Success\r\n\r\n')).toEqual([{ Response: 'Success' }]);
    expect(framer.version).toBe('11.0.0');
  });

  it('throws AmiFramingError when the first line is not the AMI banner', () => {
    expect(() => new AmiFramer().push('SSH-2.0-OpenSSH_9.2\r\n')).toThrow(AmiFramingError);
  });

  it('frames a stream without banner when told so', () => {
    const framer = new AmiFramer({ banner: false });
    expect(framer.push('Event: Ping\r\n\r\n')).toEqual([{ Event: 'Ping' }]);
    expect(framer.version).toBeUndefined();
  });
});

describe('AmiFramer messages', () => {
  it('skips the extra empty lines Asterisk sends after some TestEvents', () => {
    const text = `${BANNER}Event: TestEvent\r\nState: CONF_CHANGE_STATE\r\n\r\n\r\nEvent: Hangup\r\nCause: 16\r\n\r\n\r\n\r\nEvent: Newstate\r\n\r\n`;
    expect(frameAll(text)).toEqual([
      { Event: 'TestEvent', State: 'CONF_CHANGE_STATE' },
      { Event: 'Hangup', Cause: '16' },
      { Event: 'Newstate' },
    ]);
  });

  it('skips an extra empty line split between chunks, even a lone CR at a chunk end', () => {
    const framer = new AmiFramer({ banner: false });
    expect(framer.push('Event: TestEvent\r\n\r\n\r')).toEqual([{ Event: 'TestEvent' }]);
    expect(framer.push('\nEvent: Hangup\r\n\r\n')).toEqual([{ Event: 'Hangup' }]);
    expect(framer.bufferedChars).toBe(0);
  });

  it('keeps repeated keys as arrays in arrival order, and keeps key case', () => {
    const text = 'Event: Newchannel\r\nChanVariable: DID=\r\nchannel: x\r\nChanVariable: DIALEDPEERNUMBER=200\r\nChanVariable: A=b=c\r\nChannel: y\r\n\r\n';
    const [message] = frameAll(text, new AmiFramer({ banner: false }));
    expect(message).toEqual({
      Event: 'Newchannel',
      ChanVariable: ['DID=', 'DIALEDPEERNUMBER=200', 'A=b=c'],
      channel: 'x',
      Channel: 'y',
    });
  });

  it('splits on the first ": ", falls back to a bare ":", and gives a colon-less line an empty value', () => {
    const text =
      'Event: UserEvent\r\nAccountCode: \r\nExten: <unknown>\r\nData: a: b: c\r\nCompact:value\r\nURL:http://x\r\n' +
      'ChanVariable(PJSIP/100-00000045): DID=\r\nNoColonHere\r\n\r\n';
    const [message] = frameAll(text, new AmiFramer({ banner: false }));
    expect(message).toEqual({
      Event: 'UserEvent',
      AccountCode: '',
      Exten: '<unknown>',
      Data: 'a: b: c',
      Compact: 'value',
      URL: 'http://x',
      'ChanVariable(PJSIP/100-00000045)': 'DID=',
      NoColonHere: '',
    });
  });

  it('returns several messages from one chunk and keeps an incomplete tail', () => {
    const framer = new AmiFramer({ banner: false });
    const messages = framer.push('Event: A\r\n\r\nEvent: B\r\n\r\nEvent: C\r\nUniq');
    expect(messages).toEqual([{ Event: 'A' }, { Event: 'B' }]);
    expect(framer.push('ueid: 1.2\r\n\r\n')).toEqual([{ Event: 'C', Uniqueid: '1.2' }]);
  });

  it('never lets a __proto__ header reach the prototype', () => {
    const [message] = frameAll('Event: X\r\n__proto__: polluted\r\n\r\n', new AmiFramer({ banner: false }));
    expect(Object.getPrototypeOf(message)).toBe(Object.prototype);
    expect(message?.['__proto__']).toBe('polluted');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('keeps a legacy Response: Follows body, empty lines included, as one Output value', () => {
    const framer = new AmiFramer({ banner: false });
    const messages = framer.push(
      'Response: Follows\r\nPrivilege: Command\r\nActionID: c-1\r\nline one: with colon\n\nline three\n--END COMMAND--\r\n\r\nEvent: After\r\n\r\n',
    );
    expect(messages).toEqual([
      { Response: 'Follows', Privilege: 'Command', ActionID: 'c-1', Output: 'line one: with colon\n\nline three' },
      { Event: 'After' },
    ]);
  });

  it('waits for --END COMMAND-- across chunks', () => {
    const framer = new AmiFramer({ banner: false });
    expect(framer.push('Response: Fol')).toEqual([]);
    expect(framer.push('lows\r\nActionID: c-2\r\nNo such command\r\n\r\nstill output\r\n')).toEqual([]);
    expect(framer.push('--END COMMAND--\r\n\r\n')).toEqual([
      { Response: 'Follows', ActionID: 'c-2', Output: 'No such command\r\n\r\nstill output' },
    ]);
  });
});

describe('AmiFramer leftover cap', () => {
  it('throws AmiFramingError when more than the cap arrives without a message end', () => {
    const framer = new AmiFramer({ banner: false, maxBufferedChars: 100 });
    expect(framer.push(`Event: Big\r\nData: ${'x'.repeat(80)}`)).toEqual([]);
    expect(() => framer.push('y'.repeat(30))).toThrow(AmiFramingError);
  });

  it('applies the default 1 MiB cap to a banner that never ends', () => {
    const framer = new AmiFramer();
    expect(() => framer.push('A'.repeat(1024 * 1024 + 1))).toThrow(/banner/);
  });

  it('does not count complete messages against the cap', () => {
    const framer = new AmiFramer({ banner: false, maxBufferedChars: 100 });
    const many = Array.from({ length: 50 }, (_, i) => `Event: E${i}\r\n\r\n`).join('');
    expect(many.length).toBeGreaterThan(100);
    expect(framer.push(many)).toHaveLength(50);
  });

  it('stays linear on a message made of colon-less lines', () => {
    const framer = new AmiFramer({ banner: false });
    const lines = 'abcdefghi\r\n'.repeat(50_000);
    const [message] = framer.push(`Event: Junk\r\n${lines}\r\n`);
    expect(message?.['abcdefghi']).toHaveLength(50_000);
  });
});

describe('AmiFramer under random chunking', () => {
  const expected: AmiMessage[] = [{ Response: 'Success', ActionID: 'a-1', Message: 'Authentication accepted' }];
  for (let n = 0; n < 400; n++) expected.push(sampleEvent(n));
  expected.push({ Event: 'TestEvent', Type: 'StateChange', State: ['CONF_CHANGE_STATE', 'x'] });
  expected.push({ Event: 'UserEvent', UserEvent: 'Grüße', Body: '日本語 😀 ok', ChanVariable: ['A=1', 'B=2'] });
  const text = BANNER + expected.map((message) => wire(message) + (message['Event'] === 'TestEvent' ? '\r\n' : '')).join('');
  const bytes = Buffer.from(text, 'utf8');

  it.each([
    { maxChunk: 7, seeds: 20 },
    { maxChunk: 40, seeds: 20 },
    { maxChunk: 3000, seeds: 20 },
  ])('frames the same messages for $seeds seeds with chunks up to $maxChunk bytes', ({ maxChunk, seeds }) => {
    for (let seed = 1; seed <= seeds; seed++) {
      const framer = new AmiFramer();
      const chunks = splitBytes(bytes, seededRandom(seed * 7919 + maxChunk), maxChunk);
      const messages = frameChunks(framer, chunks);
      expect(messages, `seed ${seed}`).toEqual(expected);
      expect(framer.version).toBe('11.0.0');
      expect(framer.bufferedChars).toBe(0);
    }
  });

  it('cuts inside multi-byte characters in these runs (the decoder keeps them whole)', () => {
    const chunks = splitBytes(bytes, seededRandom(1), 7);
    const cutInside = chunks.some((chunk) => {
      const first = chunk[0];
      return first !== undefined && (first & 0xc0) === 0x80;
    });
    expect(cutInside).toBe(true);
  });
});
