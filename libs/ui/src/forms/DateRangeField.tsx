import { useId, type ReactNode } from 'react';

/** Calendar days "YYYY-MM-DD"; empty string = open end. */
export interface DateRange {
  from: string;
  to: string;
}

export interface DateRangeFieldProps {
  label: ReactNode;
  value: DateRange;
  onChange: (range: DateRange) => void;
  hint?: ReactNode;
  /** Error from outside (e.g. the server); a reversed range is reported by the field itself. */
  error?: ReactNode;
  min?: string;
  max?: string;
  'data-testid'?: string;
}

/** The message for a reversed range, or undefined. ISO days compare as strings. */
export const dateRangeProblem = ({ from, to }: DateRange): string | undefined =>
  from && to && from > to ? 'The start date must be on or before the end date' : undefined;

/**
 * Two native date inputs as one labelled group (a plays filter: "from … to").
 * Each end limits the other's picker, and a reversed range is shown inline.
 */
export function DateRangeField({
  label,
  value,
  onChange,
  hint,
  error,
  min,
  max,
  'data-testid': testId,
}: DateRangeFieldProps) {
  const id = useId();
  const shown = error ?? dateRangeProblem(value);
  const describedBy = [shown ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  return (
    <fieldset
      className="zamio-field zamio-field--date-range"
      data-testid={testId}
      aria-describedby={describedBy || undefined}
    >
      <legend className="zamio-field__label">{label}</legend>
      <div className="zamio-date-range">
        <input
          className="zamio-input"
          type="date"
          aria-label="From"
          value={value.from}
          min={min}
          max={value.to || max}
          aria-invalid={shown ? true : undefined}
          onChange={(event) => onChange({ ...value, from: event.target.value })}
        />
        <span aria-hidden="true">–</span>
        <input
          className="zamio-input"
          type="date"
          aria-label="To"
          value={value.to}
          min={value.from || min}
          max={max}
          aria-invalid={shown ? true : undefined}
          onChange={(event) => onChange({ ...value, to: event.target.value })}
        />
      </div>
      {hint ? (
        <p className="zamio-field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {shown ? (
        <p className="zamio-field__error" id={`${id}-error`} role="alert">
          {shown}
        </p>
      ) : null}
    </fieldset>
  );
}
