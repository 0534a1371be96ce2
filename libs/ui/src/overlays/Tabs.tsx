import * as RadixTabs from '@radix-ui/react-tabs';
import type { ReactNode } from 'react';

export interface TabItem {
  value: string;
  label: ReactNode;
  content: ReactNode;
  disabled?: boolean;
}

export interface TabsProps {
  tabs: readonly TabItem[];
  /** Accessible name of the tab list, e.g. "Track sections". */
  label: string;
  defaultValue?: string;
  /** Controlled: the selected tab (e.g. from the URL). */
  value?: string;
  onValueChange?: (value: string) => void;
  'data-testid'?: string;
}

/**
 * Tabs (Radix): arrow keys move between tabs, Tab moves into the panel, the
 * selected tab is announced. The tab row scrolls sideways on narrow screens.
 */
export function Tabs({ tabs, label, defaultValue, value, onValueChange, 'data-testid': testId }: TabsProps) {
  return (
    <RadixTabs.Root
      defaultValue={defaultValue ?? tabs[0]?.value}
      {...(value === undefined ? {} : { value })}
      {...(onValueChange ? { onValueChange } : {})}
      data-testid={testId}
    >
      <RadixTabs.List className="zamio-tabs__list" aria-label={label}>
        {tabs.map((tab) => (
          <RadixTabs.Trigger
            key={tab.value}
            value={tab.value}
            className="zamio-tabs__tab"
            disabled={tab.disabled}
          >
            {tab.label}
          </RadixTabs.Trigger>
        ))}
      </RadixTabs.List>
      {tabs.map((tab) => (
        <RadixTabs.Content key={tab.value} value={tab.value} className="zamio-tabs__panel">
          {tab.content}
        </RadixTabs.Content>
      ))}
    </RadixTabs.Root>
  );
}
