import type { ReactNode } from "react";

export const inputClassName =
  "block w-full rounded-lg border border-stone-300 bg-white px-3 py-2.5 text-base text-stone-900 placeholder:text-stone-500 focus:border-brand-600 aria-invalid:border-red-600 aria-invalid:bg-red-50/40";

/** What FormField hands its control so label, hint and error are wired to it. */
export type ControlProps = {
  id: string;
  name: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
  className: string;
};

export type FormFieldProps = {
  label: string;
  name: string;
  error?: string;
  /** Help shown under the label, read out with the control. */
  hint?: ReactNode;
  /** Beside the label, e.g. a character counter; give it an id and pass it in `describedBy`. */
  aside?: ReactNode;
  /** More ids that describe the control. */
  describedBy?: string[];
  children: (control: ControlProps) => ReactNode;
};

export const fieldId = (name: string) => `field-${name}`;

/**
 * A label, the control, its hint and its error, connected with `for`, `aria-describedby` and
 * `aria-invalid`. The control itself is the caller's (input, textarea…), rendered from `children`.
 */
export function FormField({
  label,
  name,
  error,
  hint,
  aside,
  describedBy = [],
  children,
}: FormFieldProps) {
  const id = fieldId(name);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const described = [error ? errorId : null, hint ? hintId : null, ...describedBy].filter(Boolean);
  return (
    <div className="space-y-1.5">
      <div className="flex items-baseline justify-between gap-3">
        <label htmlFor={id} className="text-sm font-semibold text-stone-900">
          {label}
        </label>
        {aside}
      </div>
      {hint ? (
        <div id={hintId} className="text-sm text-stone-600">
          {hint}
        </div>
      ) : null}
      {children({
        id,
        name,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": described.length ? described.join(" ") : undefined,
        className: inputClassName,
      })}
      {error ? (
        <p id={errorId} className="flex items-start gap-1.5 text-sm font-medium text-red-700">
          <span aria-hidden="true">⚠</span>
          <span>{error}</span>
        </p>
      ) : null}
    </div>
  );
}
