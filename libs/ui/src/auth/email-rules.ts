// The e-mail check both auth forms run before asking the server (which checks
// the format again): present, one "@", a dot in the domain, no spaces.
import type { RegisterOptions } from 'react-hook-form';

export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const EMAIL_RULES = {
  required: 'Enter your e-mail address',
  maxLength: { value: 254, message: 'An e-mail address has at most 254 characters' },
  pattern: { value: EMAIL_PATTERN, message: 'Enter an e-mail address like name@example.com' },
} satisfies RegisterOptions<{ email: string }, 'email'>;
