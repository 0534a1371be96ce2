import { describe, expect, it } from 'vitest';
import {
  THEME_STORAGE_KEY,
  oppositeTheme,
  readThemePreference,
  resolveTheme,
  writeThemePreference,
} from '../src/theme/theme-preference';

describe('theme preference', () => {
  it('follows the system until the user chooses', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });

  it('persists the choice under one key and ignores junk', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => void store.set(key, value),
    };
    expect(readThemePreference(storage)).toBe('system');
    writeThemePreference(storage, 'dark');
    expect(store.get(THEME_STORAGE_KEY)).toBe('dark');
    expect(readThemePreference(storage)).toBe('dark');
    store.set(THEME_STORAGE_KEY, 'purple');
    expect(readThemePreference(storage)).toBe('system');
  });

  it('survives storage that throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(readThemePreference(broken)).toBe('system');
    expect(() => writeThemePreference(broken, 'light')).not.toThrow();
  });

  it('toggles to the opposite theme', () => {
    expect(oppositeTheme('dark')).toBe('light');
    expect(oppositeTheme('light')).toBe('dark');
  });
});
