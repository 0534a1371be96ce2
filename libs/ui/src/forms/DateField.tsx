import type { InputHTMLAttributes, Ref } from 'react';
import { Field, splitFieldProps, type FieldFrameProps } from './Field';

export interface DateFieldProps
  extends
    FieldFrameProps,
    Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className' | 'required' | 'type'> {
  /** `datetime-local` for a date and time (e.g. an effective-from instant). */
  withTime?: boolean;
  ref?: Ref<HTMLInputElement>;
}

/** A calendar day ("YYYY-MM-DD") through the browser's native picker, accessible and touch-friendly. */
export function DateField(props: DateFieldProps) {
  const { frame, control } = splitFieldProps(props);
  const { withTime, ...input } = control;
  return (
    <Field {...frame}>
      {(wiring) => (
        <input className="zamio-input" type={withTime ? 'datetime-local' : 'date'} {...input} {...wiring} />
      )}
    </Field>
  );
}
