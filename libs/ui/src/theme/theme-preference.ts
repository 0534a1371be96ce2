// Pure theme rules, kept apart from React so they are testable in Node.

export type Theme = 'light' | 'dark';
/** `system` means no stored choice: follow prefers-color-scheme. */
export type ThemePreference = Theme | 'system';

export const THEME_STORAGE_KEY = 'zamio.theme';

export function parseThemePreference(value: string | null | undefined): ThemePreference {
  return value === 'light' || value === 'dark' ? value : 'system';
}

export function resolveTheme(preference: ThemePreference, systemPrefersDark: boolean): Theme {
  if (preference !== 'system') return preference;
  return systemPrefersDark ? 'dark' : 'light';
}

/** The toggle flips what the user sees, and from then on that choice is remembered. */
export const oppositeTheme = (theme: Theme): Theme => (theme === 'dark' ? 'light' : 'dark');

/** localStorage can be missing or throw (privacy modes, storage quotas); never let that break the page. */
export function readThemePreference(storage: Pick<Storage, 'getItem'> | undefined): ThemePreference {
  try {
    return parseThemePreference(storage?.getItem(THEME_STORAGE_KEY));
  } catch {
    return 'system';
  }
}

export function writeThemePreference(storage: Pick<Storage, 'setItem'> | undefined, preference: Theme): void {
  try {
    storage?.setItem(THEME_STORAGE_KEY, preference);
  } catch {
    // The choice still applies for this page view.
  }
}
