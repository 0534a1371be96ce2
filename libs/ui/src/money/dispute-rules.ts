// What a dispute needs before it is sent: a reason of 3 to 2000 characters
// (the bff's limits) and, optionally, one image or PDF as evidence (the types
// the bff's document uploads accept; its size cap is UPLOAD_MAX_DOCUMENT,
// 10 MB by default, and a larger file is refused by the bff in words).
export const EVIDENCE_ACCEPT = '.pdf,.png,.jpg,.jpeg,.webp,application/pdf,image/png,image/jpeg,image/webp';
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

export function reasonProblem(reason: string): string | undefined {
  const text = reason.trim();
  if (text.length < 3) return 'Say what is wrong with this play (at least 3 characters)';
  if (text.length > 2000) return 'A reason has at most 2000 characters';
  return undefined;
}
