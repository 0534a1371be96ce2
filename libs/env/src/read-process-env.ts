// The one place that reads process.env. On bad configuration it prints the
// report and exits 78 before anything opens a port or a connection. Launchers
// that derive an environment (embedded mode) pass it in instead.
import { ConfigError, EXIT_CONFIG } from './problems';
import { loadConfig, type AppSchema, type RawEnv } from './load-config';
import { formatReport } from './report';
import type { Environment } from './variable';

export function readProcessEnv<C>(
  schema: AppSchema<C>,
  raw: RawEnv = process.env,
): C & { ZAMIO_ENV: Environment } {
  try {
    return loadConfig(schema, raw);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(formatReport(error, Boolean(process.stderr.isTTY)) + '\n');
      process.exit(EXIT_CONFIG);
    }
    throw error;
  }
}
