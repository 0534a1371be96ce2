// What a dispute needs before it is sent: a reason of 3 to 2000 characters
// (the bff's limits) and, optionally, one image or PDF as evidence.
export const EVIDENCE_ACCEPT = '.pdf,.png,.jpg,.jpeg,.webp,application/pdf,image/png,image/jpeg,image/webp';

export function reasonProblem(reason: string): string | undefined {
  const text = reason.trim();
  if (text.length < 3) return 'Say why this play is wrong (at least 3 characters)';
  if (text.length > 2000) return 'A reason has at most 2000 characters';
  return undefined;
}
