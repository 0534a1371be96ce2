// Reads a dotenv-style file with Node's own parser (util.parseEnv), the same
// syntax docker compose and Coolify accept for simple KEY=value lines.
import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

export function parseEnvFile(path: string): Record<string, string> {
  return parseEnv(readFileSync(path, 'utf8')) as Record<string, string>;
}
