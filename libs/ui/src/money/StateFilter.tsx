// The "State" filter above a money list (payouts, disputes): all states or one.
import { SelectField, type SelectOption } from '../forms/SelectField';

export interface StateFilterProps {
  value: string;
  onChange: (value: string) => void;
  options: readonly SelectOption[];
  'data-testid'?: string;
}

export function StateFilter({ value, onChange, options, 'data-testid': testId }: StateFilterProps) {
  return (
    <div className="zamio-filters">
      <SelectField
        label="State"
        placeholder="All states"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        options={options}
        data-testid={testId}
      />
    </div>
  );
}
