import { useState } from 'react';

export interface SelectOption {
  value: string;
  label: string;
}

/**
 * A select that holds only its current option until someone comes near it (pointer over, focus,
 * press), then all of them. A portfolio of 1,000 journeys has three selects per row; with every
 * option in the page that was 150,000 DOM nodes and seconds of layout. React applies the state
 * of a discrete event (focus, pointerdown) before the browser opens the list, so the person never
 * sees the short one.
 */
export function LazySelect({ value, valueLabel, options, label, onChange, testId, className = 'inline-select' }: {
  value: string;
  valueLabel: string;
  /** Called once the select is armed. */
  options: () => SelectOption[];
  label: string;
  onChange: (value: string) => void;
  testId?: string;
  className?: string;
}) {
  const [armed, setArmed] = useState(false);
  const arm = () => {
    if (!armed) setArmed(true);
  };
  return (
    <select
      className={className}
      value={value}
      aria-label={label}
      onFocus={arm}
      onPointerEnter={arm}
      onPointerDown={arm}
      onChange={(e) => onChange(e.target.value)}
      data-testid={testId}
    >
      {armed ? (
        options().map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))
      ) : (
        <option value={value}>{valueLabel}</option>
      )}
    </select>
  );
}
