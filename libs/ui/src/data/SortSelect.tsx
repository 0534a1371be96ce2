import { SelectField } from '../forms/SelectField';
import type { SortState } from './cursor-paging';

export interface SortSelectProps {
  columns: readonly { key: string; header: string }[];
  sort: SortState | undefined;
  onSortChange: (sort: SortState) => void;
}

/**
 * "Sort by" for the card layout, where there are no column headers to click.
 * Hidden by CSS while the table layout shows (wide containers).
 */
export function SortSelect({ columns, sort, onSortChange }: SortSelectProps) {
  const options = columns.flatMap((column) => [
    { value: `${column.key}:asc`, label: `${column.header} ↑ (ascending)` },
    { value: `${column.key}:desc`, label: `${column.header} ↓ (descending)` },
  ]);
  return (
    <SelectField
      className="zamio-data-table__sort-select"
      label="Sort by"
      value={sort ? `${sort.key}:${sort.direction}` : ''}
      {...(sort ? {} : { placeholder: 'Default order' })}
      options={options}
      data-testid="table-sort-select"
      onChange={(event) => {
        const [key, direction] = event.target.value.split(':');
        if (key && (direction === 'asc' || direction === 'desc')) onSortChange({ key, direction });
      }}
    />
  );
}
