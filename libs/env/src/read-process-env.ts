// The one place that reads process.env. On bad configuration it prints the
// report and exits 78 before anything opens a port or a connection. Launchers
// that derive an environment (embedded mode) pass it in instead.
import { ConfigError, EXIT_CONFIG } from './problems';
import { loadConfig, type AppSchema, type RawEnv } from './load-config';
import { formatReport } from './report';
import type { Environment } from './variable';

/** An app's config from the process environment (e.g. `readProcessConfig(loadBffConfig)`). */
export function readProcessConfig<C>(load: (raw: RawEnv) => C, raw: RawEnv = process.env): C {
  try {
    return load(raw);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(formatReport(error, Boolean(process.stderr.isTTY)) + '\n');
      process.exit(EXIT_CONFIG);
    }
    throw error;
  }
}

/** The validated variables of one schema, by name (tools that need the raw names). */
export const readProcessEnv = <C>(
  schema: AppSchema<C>,
  raw: RawEnv = process.env,
): C & { ZAMIO_ENV: Environment } => readProcessConfig((env) => loadConfig(schema, env), raw);
