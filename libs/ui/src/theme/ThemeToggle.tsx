import { Moon, Sun } from '../icons';
import { Button } from '../components/Button';
import { oppositeTheme } from './theme-preference';
import { useTheme } from './use-theme';

/** Icon button switching light/dark; its accessible name says what it switches to. */
export function ThemeToggle() {
  const { theme, toggle } = useTheme();
  const next = oppositeTheme(theme);
  return (
    <Button
      variant="ghost"
      iconOnly
      onClick={toggle}
      aria-label={`Switch to ${next} theme`}
      title={`Switch to ${next} theme`}
      data-testid="theme-toggle"
    >
      {next === 'dark' ? <Moon size={18} aria-hidden="true" /> : <Sun size={18} aria-hidden="true" />}
    </Button>
  );
}
