import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import {
  oppositeTheme,
  readThemePreference,
  resolveTheme,
  writeThemePreference,
  type Theme,
  type ThemePreference,
} from './theme-preference';

const DARK_QUERY = '(prefers-color-scheme: dark)';

const browserStorage = (): Storage | undefined => {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
};

function subscribeToSystemTheme(onChange: () => void): () => void {
  const query = globalThis.matchMedia?.(DARK_QUERY);
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
}
const systemPrefersDark = () => globalThis.matchMedia?.(DARK_QUERY).matches ?? false;

export interface ThemeState {
  theme: Theme;
  preference: ThemePreference;
  toggle: () => void;
}

/**
 * The effective theme and a toggle. The stored choice is mirrored to
 * <html data-theme>, which the stylesheet reads; with no choice the attribute is
 * absent and the stylesheet follows prefers-color-scheme by itself.
 */
export function useTheme(): ThemeState {
  const [preference, setPreference] = useState<ThemePreference>(() => readThemePreference(browserStorage()));
  const prefersDark = useSyncExternalStore(subscribeToSystemTheme, systemPrefersDark, () => false);
  const theme = resolveTheme(preference, prefersDark);

  useEffect(() => {
    const root = globalThis.document?.documentElement;
    if (!root) return;
    if (preference === 'system') delete root.dataset.theme;
    else root.dataset.theme = preference;
  }, [preference]);

  const toggle = useCallback(() => {
    const next = oppositeTheme(theme);
    writeThemePreference(browserStorage(), next);
    setPreference(next);
  }, [theme]);

  return { theme, preference, toggle };
}
