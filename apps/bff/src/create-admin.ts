// First-admin CLI: `npm run create-admin -w @zamio/bff -- --email ops@zamio.example`
// reads the password from --password-file or from stdin (never from argv,
// which shows up in `ps` and shell history) and creates an active admin.
import { parseArgs } from 'node:util';
import { text } from 'node:stream/consumers';
import { checkPasswordLength, createAccountProvisioning, readPasswordFile } from '@zamio/accounts';
import { provisionStation } from '@zamio/airplay';
import { loadBffConfig, readProcessConfig } from '@zamio/env';
import { createProcessLogger, openPlatform } from '@zamio/platform';

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

const config = readProcessConfig(loadBffConfig);
const logger = createProcessLogger('create-admin', { ...config, log: { ...config.log, level: 'warn' } });
const password = values['password-file']
  ? await readPasswordFile(values['password-file'])
  : (await text(process.stdin)).replace(/\r?\n$/, '');
checkPasswordLength(password);

const platform = await openPlatform(config, { service: 'create-admin', logger, jobs: false });
try {
  const provisioning = createAccountProvisioning({ db: platform.db, onAccountCreated: provisionStation });
  const created = await provisioning.ensureAccount({
    email: values.email,
    password,
    displayName: values.name ?? 'Administrator',
    role: 'admin',
  });
  console.log(
    created
      ? `admin ${values.email} created`
      : `an account with e-mail ${values.email} already exists; nothing changed`,
  );
  process.exitCode = created ? 0 : 1;
} finally {
  await platform.close();
}
