import { Check, Circle, Eye, EyeOff } from '../icons';
import { useState, type ChangeEvent, type InputHTMLAttributes, type Ref } from 'react';
import { Button } from '../components/Button';
import { Field, splitFieldProps, type FieldFrameProps } from './Field';
import type { PasswordRule } from './password-rules';

export interface PasswordFieldProps
  extends
    FieldFrameProps,
    Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className' | 'required' | 'type'> {
  /** Rules shown under the field and ticked live as the person types (new passwords). */
  rules?: readonly PasswordRule[];
  ref?: Ref<HTMLInputElement>;
}

/**
 * Password input with a show/hide toggle (instead of a second "confirm" field)
 * and, for new passwords, the policy's rules ticked as they are met.
 */
export function PasswordField(props: PasswordFieldProps) {
  const { frame, control } = splitFieldProps(props);
  const { rules, onChange, ...input } = control;
  const [visible, setVisible] = useState(false);
  const [value, setValue] = useState(String(input.value ?? input.defaultValue ?? ''));
  const current = input.value === undefined ? value : String(input.value);

  const change = (event: ChangeEvent<HTMLInputElement>) => {
    setValue(event.target.value);
    onChange?.(event);
  };

  const details = rules?.length ? (
    <ul className="zamio-rules" aria-label="Password rules">
      {rules.map((rule) => {
        const met = rule.test(current);
        return (
          <li key={rule.id} data-met={met} data-testid={`password-rule-${rule.id}`}>
            {met ? <Check size={14} aria-hidden="true" /> : <Circle size={14} aria-hidden="true" />}
            <span>
              {rule.label}
              <span className="zamio-visually-hidden">{met ? ' (met)' : ' (not met yet)'}</span>
            </span>
          </li>
        );
      })}
    </ul>
  ) : undefined;

  return (
    <Field {...frame} details={details}>
      {(wiring) => (
        <div className="zamio-input-group">
          <input
            className="zamio-input"
            type={visible ? 'text' : 'password'}
            autoCapitalize="off"
            spellCheck={false}
            {...input}
            onChange={change}
            {...wiring}
          />
          <Button
            variant="secondary"
            iconOnly
            aria-label={visible ? 'Hide password' : 'Show password'}
            aria-pressed={visible}
            aria-controls={wiring.id}
            onClick={() => setVisible((shown) => !shown)}
          >
            {visible ? <EyeOff size={18} aria-hidden="true" /> : <Eye size={18} aria-hidden="true" />}
          </Button>
        </div>
      )}
    </Field>
  );
}
