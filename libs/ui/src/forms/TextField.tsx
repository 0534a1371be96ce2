import type { InputHTMLAttributes, Ref } from 'react';
import { Field, splitFieldProps, type FieldFrameProps } from './Field';

export interface TextFieldProps
  extends FieldFrameProps, Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className' | 'required'> {
  type?: 'text' | 'email' | 'search' | 'tel' | 'url';
  ref?: Ref<HTMLInputElement>;
}

/**
 * A labelled text input. Spread react-hook-form's `register(name)` into it, or
 * use it controlled with value/onChange.
 */
export function TextField(props: TextFieldProps) {
  const { frame, control } = splitFieldProps(props);
  const { type = 'text', ...input } = control;
  return (
    <Field {...frame}>
      {(wiring) => <input className="zamio-input" type={type} {...input} {...wiring} />}
    </Field>
  );
}
