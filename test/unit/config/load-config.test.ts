import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load-config.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('loadConfig', () => {
  it('reads the file named by CALL_SEGMENTS_CONFIG', () => {
    const dir = mkdtempSync(join(tmpdir(), 'call-segments-config-'));
    dirs.push(dir);
    const path = join(dir, 'config.json');
    writeFileSync(path, JSON.stringify({ HTTP_PORT: 8081, DB_PATH: '/tmp/x.sqlite3' }));
    const config = loadConfig({ CALL_SEGMENTS_CONFIG: path, HTTP_PORT: '8082' });
    expect(config.http.port).toBe(8082);
    expect(config.dbPath).toBe('/tmp/x.sqlite3');
  });

  it('names CALL_SEGMENTS_CONFIG when the file cannot be read', () => {
    expect(() => loadConfig({ CALL_SEGMENTS_CONFIG: '/nonexistent/config.json' })).toThrow(/^CALL_SEGMENTS_CONFIG: cannot read/);
  });

  it('works without a file', () => {
    expect(loadConfig({ HTTP_PORT: '1234' }).http.port).toBe(1234);
  });
});
