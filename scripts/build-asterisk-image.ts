/**
 * Builds the Asterisk 22 test image from docker/asterisk (once per content hash) and returns its tag.
 * Where debian:sid-slim is neither present nor pullable (no registry here), it makes that base
 * locally with debootstrap and `docker import`. Run directly: `npx tsx scripts/build-asterisk-image.ts`.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
export const ASTERISK_CONTEXT_DIR = join(REPO_ROOT, 'docker', 'asterisk');
export const IMAGE_REPOSITORY = 'asterisk-call-segments/asterisk';
const BASE_IMAGE = 'debian:sid-slim';
const DEBIAN_MIRROR = 'http://deb.debian.org/debian';

type Log = (line: string) => void;

export class ImageBuildError extends Error {
  override readonly name = 'ImageBuildError';
}

interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function run(command: string, args: readonly string[], input?: 'inherit-log'): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (input === 'inherit-log') process.stderr.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (input === 'inherit-log') process.stderr.write(chunk);
    });
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code: code ?? 1, stdout, stderr }));
  });
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...listFiles(path));
    else out.push(path);
  }
  return out;
}

/** First 12 hex digits of a sha256 over every file (path and content) in docker/asterisk. */
export function asteriskContextHash(dir: string = ASTERISK_CONTEXT_DIR): string {
  const hash = createHash('sha256');
  for (const file of listFiles(dir)) {
    hash.update(relative(dir, file));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 12);
}

export function asteriskImageTag(dir: string = ASTERISK_CONTEXT_DIR): string {
  return `${IMAGE_REPOSITORY}:${asteriskContextHash(dir)}`;
}

async function imageExists(tag: string): Promise<boolean> {
  const result = await run('docker', ['image', 'inspect', tag]);
  return result.code === 0;
}

async function ensureDebootstrap(log: Log): Promise<void> {
  if ((await run('sh', ['-c', 'command -v debootstrap'])).code === 0) return;
  log('installing debootstrap');
  const update = await run('apt-get', ['update', '-qq']);
  if (update.code !== 0) throw new ImageBuildError(`apt-get update failed: ${update.stderr}`);
  const install = await run('apt-get', ['install', '-y', '-qq', 'debootstrap']);
  if (install.code !== 0) throw new ImageBuildError(`installing debootstrap failed: ${install.stderr}`);
}

/** Makes debian:sid-slim from a debootstrapped sid (minbase) when it is not there and cannot be pulled. */
async function ensureBaseImage(log: Log): Promise<void> {
  if (await imageExists(BASE_IMAGE)) return;
  log(`pulling ${BASE_IMAGE}`);
  if ((await run('docker', ['pull', BASE_IMAGE])).code === 0) return;
  log(`${BASE_IMAGE} cannot be pulled: making it locally with debootstrap`);
  await ensureDebootstrap(log);
  const root = mkdtempSync(join(tmpdir(), 'sid-root-'));
  try {
    const boot = await run('debootstrap', ['--variant=minbase', 'sid', root, DEBIAN_MIRROR]);
    if (boot.code !== 0) throw new ImageBuildError(`debootstrap failed: ${boot.stderr.slice(-2000)}`);
    const imported = await run('sh', ['-c', `tar -C '${root}' -c . | docker import - ${BASE_IMAGE}`]);
    if (imported.code !== 0) throw new ImageBuildError(`docker import failed: ${imported.stderr}`);
    log(`${BASE_IMAGE} imported`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Returns the image tag for the current docker/asterisk content, building it only when missing. */
export async function ensureAsteriskImage(log: Log = (line) => process.stderr.write(`asterisk-image: ${line}\n`)): Promise<string> {
  if (!existsSync(join(ASTERISK_CONTEXT_DIR, 'Dockerfile'))) {
    throw new ImageBuildError(`no Dockerfile in ${ASTERISK_CONTEXT_DIR}`);
  }
  const tag = asteriskImageTag();
  if (await imageExists(tag)) {
    log(`${tag} is present`);
    return tag;
  }
  await ensureBaseImage(log);
  log(`building ${tag}`);
  const build = await run('docker', ['build', '--network', 'host', '-t', tag, ASTERISK_CONTEXT_DIR]);
  if (build.code !== 0) {
    throw new ImageBuildError(`docker build failed:\n${(build.stdout + build.stderr).slice(-4000)}`);
  }
  log(`built ${tag}`);
  return tag;
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  ensureAsteriskImage()
    .then((tag) => console.log(tag))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
