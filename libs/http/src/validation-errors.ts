// Fastify's schemaErrorFormatter: turns Ajv's list (allErrors on, so every
// problem is there) into one plain-words message per field. Ajv reports a
// union of literals as one "must be equal to constant" per branch plus "must
// match a schema in anyOf"; those collapse into "must be one of: …".
import type { FastifySchemaValidationError } from 'fastify';
import { PLAIN_TEXT_PATTERN } from '@zamio/contracts';

export interface FieldProblem {
  /** `email`, `tracks.0.title`; query, params and headers fields are prefixed (`query.limit`). */
  field: string;
  message: string;
}

/** A 400 carrying every field's problem; the error handler sends `problems` with it. */
export class RequestValidationError extends Error {
  readonly statusCode = 400;
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map((p) => `${p.field} ${p.message}`).join('; '));
    this.name = 'RequestValidationError';
  }
}

const PREFIX: Record<string, string> = {
  body: '',
  querystring: 'query.',
  params: 'path.',
  headers: 'header.',
};

const FORMAT_WORDS: Record<string, string> = {
  email: 'must be a valid e-mail address',
  uuid: 'must be a UUID',
  'date-time': 'must be a date and time (ISO 8601)',
  uri: 'must be an absolute URL',
};

/**
 * Fastify's validation settings for every server: unknown fields fail (400)
 * rather than being dropped; every problem is reported (bodies are bounded by
 * BODY_LIMIT and the schemas' maxLength, so allErrors costs little);
 * strictNumbers off because Ajv's strict mode lets a coerced query string
 * "Infinity" skip `maximum` — with it off, the bounds every contract number
 * carries refuse Infinity and 1e400 in queries and bodies alike.
 */
export const requestValidationOptions = () => ({
  ajv: { customOptions: { removeAdditional: false, allErrors: true, strictNumbers: false } },
  schemaErrorFormatter: formatValidationErrors,
});

export function formatValidationErrors(
  errors: FastifySchemaValidationError[],
  dataVar: string,
): RequestValidationError {
  const byField = new Map<string, { allowed: unknown[]; messages: string[] }>();
  const entryOf = (field: string) => {
    let entry = byField.get(field);
    if (!entry) byField.set(field, (entry = { allowed: [], messages: [] }));
    return entry;
  };
  const prefix = PREFIX[dataVar] ?? `${dataVar}.`;
  for (const error of errors) {
    const params = error.params as Record<string, unknown>;
    const path = error.instancePath.split('/').filter(Boolean).join('.');
    const child =
      typeof params.missingProperty === 'string'
        ? params.missingProperty
        : typeof params.additionalProperty === 'string'
          ? params.additionalProperty
          : undefined;
    const field = `${prefix}${[path, child].filter(Boolean).join('.')}` || dataVar;
    const entry = entryOf(field.replace(/\.$/, '') || dataVar);
    if (error.keyword === 'const') entry.allowed.push(params.allowedValue);
    else if (error.keyword === 'enum') entry.allowed.push(...((params.allowedValues as unknown[]) ?? []));
    else if (error.keyword !== 'anyOf') entry.messages.push(plainWords(error.keyword, params, error.message));
  }
  const problems: FieldProblem[] = [];
  for (const [field, { allowed, messages }] of byField) {
    const message =
      allowed.length > 0
        ? `must be one of: ${[...new Set(allowed)].map(String).join(', ')}`
        : (messages[0] ?? 'is not valid');
    problems.push({ field, message });
  }
  return new RequestValidationError(problems);
}

function plainWords(keyword: string, params: Record<string, unknown>, fallback: string | undefined): string {
  switch (keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not a known field (additional properties are refused)';
    case 'format':
      return FORMAT_WORDS[String(params.format)] ?? `must be a valid ${String(params.format)}`;
    case 'minLength':
      return params.limit === 1 ? 'must not be empty' : `must be at least ${String(params.limit)} characters`;
    case 'maxLength':
      return `must be at most ${String(params.limit)} characters`;
    case 'pattern':
      return params.pattern === PLAIN_TEXT_PATTERN
        ? 'must not contain control characters'
        : 'is not in the expected form';
    case 'minimum':
      return `must be at least ${String(params.limit)}`;
    case 'maximum':
      return `must be at most ${String(params.limit)}`;
    case 'type':
      return `must be ${params.type === 'integer' ? 'a whole number' : `a ${String(params.type)}`}`;
    default:
      return fallback ?? 'is not valid';
  }
}
