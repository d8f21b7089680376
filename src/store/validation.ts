import { ValidationError } from './errors/validation-error.js';
import { LICENSES } from './model.js';
import type { License } from './model.js';

// C0 controls, DEL and C1 controls: a bare LF in a value reaching AMI starts a new header.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;
const EXTENSION_NUMBER = /^[0-9*#+]{1,32}$/;
const CONTEXT = /^[A-Za-z0-9_.-]{1,79}$/;
const HOST = /^[A-Za-z0-9._:[\]-]{1,253}$/;
const CHANNEL_PREFIX = /^([A-Za-z][A-Za-z0-9_]*)\/([^\s/]{1,80})$/;

function text(field: string, value: unknown, maxLength: number): string {
  if (typeof value !== 'string') throw new ValidationError(`${field} must be a string`, field);
  if (value.length === 0) throw new ValidationError(`${field} must not be empty`, field);
  if (value.length > maxLength) throw new ValidationError(`${field} must be at most ${maxLength} characters`, field);
  if (CONTROL.test(value)) throw new ValidationError(`${field} must not contain control characters`, field);
  if (value.trim() !== value) throw new ValidationError(`${field} must not start or end with white space`, field);
  return value;
}

function pattern(field: string, value: unknown, re: RegExp, rule: string, maxLength = 256): string {
  const checked = text(field, value, maxLength);
  if (!re.test(checked)) throw new ValidationError(`${field} ${JSON.stringify(checked)} is not valid: ${rule}`, field);
  return checked;
}

export const validate = {
  slug: (value: unknown): string =>
    pattern('slug', value, SLUG, 'lower-case letters, digits and "-", starting with a letter or digit, at most 63'),
  name: (value: unknown, field = 'name'): string => text(field, value, 128),
  extensionNumber: (value: unknown): string =>
    pattern('number', value, EXTENSION_NUMBER, 'digits, "*", "#" or "+", 1 to 32 characters'),
  license(value: unknown): License {
    if (typeof value === 'string' && (LICENSES as readonly string[]).includes(value)) return value as License;
    throw new ValidationError(`license must be one of ${LICENSES.join(', ')}`, 'license');
  },
  username: (value: unknown): string => text('username', value, 64),
  /** A Basic-auth user name: like a username, and without ':' (it separates user from password). */
  apiUsername(value: unknown): string {
    const checked = text('username', value, 64);
    if (checked.includes(':')) throw new ValidationError('username must not contain ":"', 'username');
    return checked;
  },
  password(value: unknown): string {
    if (typeof value !== 'string' || value.length === 0) throw new ValidationError('password must not be empty', 'password');
    if (value.length > 1024) throw new ValidationError('password must be at most 1024 characters', 'password');
    if (CONTROL.test(value)) throw new ValidationError('password must not contain control characters', 'password');
    return value;
  },
  amiHost: (value: unknown): string => pattern('amiHost', value, HOST, 'a host name or IP address'),
  amiPort(value: unknown): number {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 65535) {
      throw new ValidationError('amiPort must be an integer from 1 to 65535', 'amiPort');
    }
    return value;
  },
  amiUsername: (value: unknown): string => text('amiUsername', value, 128),
  amiSecret: (value: unknown): string => text('amiSecret', value, 256),
  transferContext: (value: unknown): string =>
    pattern('transferContext', value, CONTEXT, 'a dialplan context: letters, digits, "_", ".", "-", at most 79'),
  boolean(field: string, value: unknown): boolean {
    if (typeof value !== 'boolean') throw new ValidationError(`${field} must be true or false`, field);
    return value;
  },
  channelPrefix(value: unknown): string {
    const checked = pattern(
      'channelPrefix',
      value,
      CHANNEL_PREFIX,
      'a channel technology and resource such as PJSIP/100',
    );
    if (checked.toLowerCase().startsWith('local/')) {
      throw new ValidationError('channelPrefix must not be a Local channel: Local channels belong to nobody', 'channelPrefix');
    }
    return checked;
  },
  /** A ConfBridge room or queue name as Asterisk knows it. */
  roomName: (value: unknown): string => pattern('name', value, /^[^\s/]{1,80}$/, 'no white space or "/", at most 80', 80),
};
