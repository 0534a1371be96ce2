import { oppositeTheme } from './theme-preference';
import { useTheme } from './use-theme';

export function ThemeToggle() {
  const { theme, toggle } = useTheme();
  const next = oppositeTheme(theme);
  return (
    <button
      type="button"
      className="zamio-button"
      onClick={toggle}
      aria-label={`Switch to ${next} theme`}
      title={`Switch to ${next} theme`}
    >
      {next === 'dark' ? 'Dark mode' : 'Light mode'}
    </button>
  );
}
