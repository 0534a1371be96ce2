// E-mails are compared and stored lower-cased and trimmed; the unique index
// on lower(email) is the final word on duplicates.
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();
