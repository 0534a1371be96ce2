// First-admin CLI: `npm run create-admin -w @zamio/bff -- --email ops@zamio.example`
// reads the password from --password-file or from stdin (never from argv,
// which shows up in `ps` and shell history) and creates an active admin.
import { parseArgs } from 'node:util';
import { text } from 'node:stream/consumers';
import { bffSchema, readProcessEnv } from '@zamio/env';
import { createLogger } from '@zamio/logger';
import { applyMigrations, openDataServices } from '@zamio/server';
import { checkPasswordLength, ensureAccount, readPasswordFile } from '@zamio/auth';

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    'password-file': { type: 'string' },
    name: { type: 'string', default: 'Administrator' },
  },
});
if (!values.email) {
  console.error(
    'usage: create-admin --email <address> [--password-file <path>] [--name <display name>]  (password on stdin otherwise)',
  );
  process.exit(64);
}

const config = readProcessEnv(bffSchema);
const logger = createLogger({
  service: 'create-admin',
  version: config.APP_VERSION,
  level: 'warn',
  pretty: config.LOG_PRETTY,
});
const password = values['password-file']
  ? await readPasswordFile(values['password-file'])
  : (await text(process.stdin)).replace(/\r?\n$/, '');
checkPasswordLength(password);

const db = await openDataServices(config, logger, 'create-admin');
try {
  if (config.MIGRATE_ON_START) await applyMigrations(db, logger, config.MIGRATION_STATEMENT_TIMEOUT);
  const created = await ensureAccount(db, {
    email: values.email,
    password,
    displayName: values.name!,
    role: 'admin',
  });
  console.log(
    created
      ? `admin ${values.email} created`
      : `an account with e-mail ${values.email} already exists; nothing changed`,
  );
  process.exitCode = created ? 0 : 1;
} finally {
  await db.close();
}
