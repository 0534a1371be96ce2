/** Code-unit string order: unlike localeCompare it cannot vary by runtime locale, so sorts are deterministic. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
