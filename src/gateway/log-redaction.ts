/** Log fields that must never be printed, wherever they appear in a log object. */
export const LOG_REDACT_PATHS: readonly string[] = [
  'secret',
  '*.secret',
  'amiSecret',
  '*.amiSecret',
  'password',
  '*.password',
  'req.headers.authorization',
  'headers.authorization',
];
