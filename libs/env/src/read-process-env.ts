// The one place that reads process.env. On bad configuration it prints the
// report and exits 78 before anything opens a port or a connection.
import { ConfigError, EXIT_CONFIG } from './problems';
import { loadConfig, type AppSchema } from './load-config';
import { formatReport } from './report';
import type { Environment } from './variable';

export function readProcessEnv<C>(schema: AppSchema<C>): C & { ZAMIO_ENV: Environment } {
  try {
    return loadConfig(schema, process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(formatReport(error, Boolean(process.stderr.isTTY)) + '\n');
      process.exit(EXIT_CONFIG);
    }
    throw error;
  }
}

/** Raw variables for tools that pass env through to children (the dev launcher). */
export function processEnvSnapshot(): Record<string, string | undefined> {
  return { ...process.env };
}
