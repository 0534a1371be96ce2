// The password policy as rules a person can read while typing: the bff's
// (NewPassword in libs/contracts), length only as NIST 800-63B advises, so the
// page never asks for more than the server does. The numbers are copied, not
// imported: importing the schema would put TypeBox into every portal's first
// chunk; test/form-fields.test.tsx fails if the two ever differ.

export interface PasswordRule {
  id: string;
  label: string;
  test: (password: string) => boolean;
}

export interface PasswordPolicy {
  minLength: number;
  maxLength: number;
}

export const SERVER_PASSWORD_POLICY: PasswordPolicy = { minLength: 12, maxLength: 256 };

// Characters as people count them (an emoji is one), like the server's JSON-schema length.
const lengthOf = (text: string) => [...text].length;

export function passwordRulesOf(policy: PasswordPolicy = SERVER_PASSWORD_POLICY): PasswordRule[] {
  return [
    {
      id: 'min-length',
      label: `At least ${policy.minLength} characters`,
      test: (password) => lengthOf(password) >= policy.minLength,
    },
    {
      id: 'max-length',
      label: `At most ${policy.maxLength} characters`,
      test: (password) => lengthOf(password) <= policy.maxLength,
    },
  ];
}

/** The first rule the password breaks, as a validation message; undefined when it passes. */
export function passwordProblem(password: string, rules = passwordRulesOf()): string | undefined {
  const broken = rules.find((rule) => !rule.test(password));
  return broken ? `The password needs: ${broken.label.toLowerCase()}` : undefined;
}
