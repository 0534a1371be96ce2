// Paths pino removes before a line is written: credentials in any position we
// log them from (request headers, bodies, configs, errors).
export const REDACT_PATHS = [
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'secret',
  'authorization',
  'cookie',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
  '*.secret',
  '*.sessionSecret',
  '*.apiToken',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["x-device-token"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'config.SESSION_SECRET',
  'config.SESSION_SECRET_PREVIOUS',
  'config.HEALTH_DETAILS_TOKEN',
  'config.DATABASE_URL',
  'config.REDIS_URL',
  'csrfToken',
  '*.csrfToken',
  'req.headers["x-csrf-token"]',
  'config.BOOTSTRAP_ADMIN_PASSWORD_FILE',
];

const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^:/?#\s]*:)([^@/?#\s]+)(@)/gi;

/** Masks the password part of connection strings inside free text (error messages). */
export const maskUrlPasswords = (text: string): string => text.replace(URL_PASSWORD, '$1***$3');
