// Maps a bff error onto a form: which field it is about, and what to say.
// The bff answers validation failures with 400 and Fastify's message
// ("body/password must NOT have fewer than 12 characters", several joined by
// ", "), conflicts with 409; anything else belongs to the form as a whole.
import { isApiError } from '@zamio/api-client';

export interface ServerFormErrors<Field extends string> {
  fields: Partial<Record<Field, string>>;
  /** For the banner above the form; undefined when every problem has a field. */
  form: string | undefined;
}

export interface ServerErrorMapping<Field extends string> {
  fields: readonly Field[];
  /** Field a 409 Conflict is about (e.g. `email` on sign-up). */
  conflictField?: Field;
  /** Rewrites a field's server message for people, e.g. for JSON-schema wording. */
  humanise?: (field: Field, message: string) => string;
}

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const defaultHumanise = (_field: string, message: string): string =>
  sentence(
    message
      .replace(/^must NOT have fewer than (\d+) characters$/, 'must be at least $1 characters long')
      .replace(/^must NOT have more than (\d+) characters$/, 'must be at most $1 characters long')
      .replace(/^must match format "email"$/, 'must be a valid e-mail address'),
  );

export function serverFormErrors<Field extends string>(
  error: unknown,
  { fields, conflictField, humanise = defaultHumanise }: ServerErrorMapping<Field>,
): ServerFormErrors<Field> {
  const found: Partial<Record<Field, string>> = {};
  if (!isApiError(error)) return { fields: found, form: 'Something went wrong. Try again.' };
  if (error.status === 409 && conflictField) {
    found[conflictField] = sentence(error.message);
    return { fields: found, form: undefined };
  }
  if (error.status === 429) return { fields: found, form: 'Too many attempts. Wait a moment and try again.' };
  if (error.status === 400) {
    const leftovers: string[] = [];
    for (const part of error.message.split(/, (?=body)/)) {
      const match = /^body\/([\w.-]+) (.+)$/.exec(part.trim());
      const field = match?.[1] as Field | undefined;
      if (match && field && fields.includes(field)) found[field] ??= humanise(field, match[2]!);
      else leftovers.push(part);
    }
    return { fields: found, form: leftovers.length ? sentence(leftovers.join('; ')) : undefined };
  }
  return { fields: found, form: error.message || 'Something went wrong. Try again.' };
}
