import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { answerClientErrorsWithJson } from '../../../src/gateway/json-client-error.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
});

async function server(): Promise<number> {
  const s = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('[]');
  });
  servers.push(s);
  answerClientErrorsWithJson(s);
  s.listen(0, '127.0.0.1');
  await once(s, 'listening');
  return (s.address() as AddressInfo).port;
}

/** Sends raw bytes and reads the whole answer until the server closes the socket. */
function raw(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

function parse(answer: string): { statusLine: string; headers: string; body: unknown } {
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  const [statusLine = '', ...headers] = head.split('\r\n');
  return { statusLine, headers: headers.join('\n'), body: JSON.parse(body) as unknown };
}

describe('HTTP requests Node refuses before Express sees them (spec 5: every error response is JSON)', () => {
  it('answers a request line too long for the header limit with a JSON 431', async () => {
    const port = await server();
    const answer = parse(await raw(port, `GET /communication_manager/rest/live/coreServers/${'x'.repeat(20_000)} HTTP/1.1\r\nHost: a\r\n\r\n`));
    expect(answer.statusLine).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    expect(answer.headers).toMatch(/^Content-Type: application\/json; charset=utf-8$/m);
    expect(answer.headers).toMatch(/^Connection: close$/m);
    expect(answer.body).toEqual({ status: 431, error: 'Request Header Fields Too Large', message: expect.stringMatching(/too large/) as unknown });
  });

  it('answers a malformed request with a JSON 400', async () => {
    const port = await server();
    const answer = parse(await raw(port, 'GET /communication_manager/rest/live/coreServers HTTP/1.1\r\nHost: a\r\nBad Header\r\n\r\n'));
    expect(answer.statusLine).toBe('HTTP/1.1 400 Bad Request');
    expect(answer.body).toEqual({ status: 400, error: 'Bad Request', message: expect.stringMatching(/malformed/) as unknown });
  });

  it('leaves good requests alone', async () => {
    const port = await server();
    const answer = await raw(port, 'GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1.1 200 OK\r\n/);
  });
});
