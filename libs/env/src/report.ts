// Renders the one configuration report: readable text on a terminal, one JSON
// line otherwise (so log collectors keep it whole).
import type { ConfigError } from './problems';

export function formatReportText(error: ConfigError): string {
  const lines = [
    `${error.app}: configuration is invalid (${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}):`,
    '',
  ];
  for (const p of error.problems) {
    lines.push(`  ✗ ${p.variable} ${p.problem}`);
    if (p.description) lines.push(`      ${p.description}`);
    if (p.example) lines.push(`      example: ${p.variable}=${p.example}`);
  }
  lines.push('', 'See docs/configuration.md for every variable.');
  return lines.join('\n');
}

export function formatReportJson(error: ConfigError): string {
  return JSON.stringify({
    level: 'fatal',
    time: Date.now(),
    app: error.app,
    msg: 'invalid configuration',
    problems: error.problems,
  });
}

export function formatReport(error: ConfigError, tty: boolean): string {
  return tty ? formatReportText(error) : formatReportJson(error);
}
