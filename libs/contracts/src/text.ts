// Building blocks every contract uses for free text and numbers. Text fields
// refuse control characters (a NUL would reach Postgres as error 22021; tabs
// and newlines have no place in a name or title); numbers are always bounded,
// so Infinity or 1e400 (JSON.parse turns it into Infinity) fails validation.
import Type from 'typebox';

/** No C0/C1 control characters (U+0000–U+001F, U+007F–U+009F). The bff's validation messages recognise it. */
export const PLAIN_TEXT_PATTERN = '^[^\\u0000-\\u001f\\u007f-\\u009f]*$';

/** A single line of human-readable text: a name, a title. */
export const PlainText = (options: { minLength?: number; maxLength: number }) =>
  Type.String({ ...options, pattern: PLAIN_TEXT_PATTERN });

/** A whole number within finite bounds (both required, so non-finite input can never pass). */
export const BoundedInteger = (options: { minimum: number; maximum: number; default?: number }) =>
  Type.Integer(options);
