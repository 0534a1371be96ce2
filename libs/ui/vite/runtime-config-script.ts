// Renders /config.js, the classic script that hands runtime config to a portal.
// The same output is expected from the production nginx entrypoint.
import type { RuntimeConfig } from '../src/runtime-config/runtime-config.ts';

// Characters that could end the <script> element or break parsing of the JSON as
// JavaScript when the file is inlined or sniffed: escaped as \uXXXX, which JSON
// and JavaScript both read back as the same character.
const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;

export function escapeJsonForScript(json: string): string {
  return json.replace(UNSAFE_IN_SCRIPT, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function renderRuntimeConfigScript(config: RuntimeConfig): string {
  return `window.__ZAMIO_CONFIG__ = ${escapeJsonForScript(JSON.stringify(config))};\n`;
}
