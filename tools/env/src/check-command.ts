// `zamio-env check`: validates an env file (or the current environment) for
// one app or all of them without starting anything; exit 0 or 78.
import {
  APP_NAMES,
  APP_SCHEMAS,
  ConfigError,
  EXIT_CONFIG,
  formatReport,
  loadConfig,
  type AppName,
  type RawEnv,
} from '@zamio/env';

export interface CheckOptions {
  apps: AppName[];
  env: RawEnv;
  tty: boolean;
  write: (text: string) => void;
}

export function runCheck(options: CheckOptions): number {
  let failed = false;
  for (const app of options.apps) {
    try {
      loadConfig(APP_SCHEMAS[app] as never, options.env);
      options.write(
        options.tty
          ? `${app}: configuration is valid`
          : JSON.stringify({ level: 'info', app, msg: 'configuration is valid' }),
      );
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      failed = true;
      options.write(formatReport(error, options.tty));
    }
  }
  return failed ? EXIT_CONFIG : 0;
}

export function appsFromArgs(app: string | undefined, all: boolean): AppName[] {
  if (all) return [...APP_NAMES];
  if (app && (APP_NAMES as string[]).includes(app)) return [app as AppName];
  throw new UsageError(`--app must be one of ${APP_NAMES.join(', ')} (or use --all)`);
}

export class UsageError extends Error {}
