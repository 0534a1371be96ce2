// A station's timezone must be one the runtime knows (Intl's IANA database):
// royalty periods are computed in it, so an unknown zone would fail every
// calculation later instead of the edit now.
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
