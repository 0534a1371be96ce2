import type { Ref, SelectHTMLAttributes } from 'react';
import { Field, splitFieldProps, type FieldFrameProps } from './Field';

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export interface SelectFieldProps
  extends FieldFrameProps, Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'className' | 'required'> {
  options: readonly SelectOption[];
  /** First, empty option, e.g. "All stations" in a filter or "Choose…" in a form. */
  placeholder?: string;
  ref?: Ref<HTMLSelectElement>;
}

/** A native <select>: keyboard, screen reader and mobile pickers work as people expect. */
export function SelectField(props: SelectFieldProps) {
  const { frame, control } = splitFieldProps(props);
  const { options, placeholder, ...select } = control;
  return (
    <Field {...frame}>
      {(wiring) => (
        <select className="zamio-input" {...select} {...wiring}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value} disabled={option.disabled}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
