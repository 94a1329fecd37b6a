// The few field components every form uses, so errors look and sound the same everywhere.
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import type { FormFailure, Message } from "~/lib/forms";
import { useT } from "~/i18n/react";

export function ErrorList({ id, errors }: { id?: string; errors?: Message[] }) {
  const t = useT();
  if (!errors?.length) return null;
  return (
    <ul id={id} className="error-list">
      {errors.map((e, i) => (
        <li key={i}>{t(e.key, e.params)}</li>
      ))}
    </ul>
  );
}

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: ReactNode;
  name: string;
  errors?: Message[];
  hint?: ReactNode;
}

export function Field({ label, name, errors, hint, id, ...input }: FieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const errorId = `${inputId}-error`;
  const hintId = `${inputId}-hint`;
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <input id={inputId} name={name} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy} {...input} />
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}

interface TextareaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: ReactNode;
  name: string;
  errors?: Message[];
}

export function TextareaField({ label, name, errors, id, ...rest }: TextareaFieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const errorId = `${inputId}-error`;
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      <textarea
        id={inputId}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? errorId : undefined}
        {...rest}
      />
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}

interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: ReactNode;
  name: string;
  errors?: Message[];
  children: ReactNode;
}

export function SelectField({ label, name, errors, id, children, ...rest }: SelectFieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const errorId = `${inputId}-error`;
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      <select
        id={inputId}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? errorId : undefined}
        {...rest}
      >
        {children}
      </select>
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}

/** A summary at the top of a failed form, announced to screen readers. */
export function FormErrorSummary({ result }: { result?: FormFailure | { ok: true } | null }) {
  const t = useT();
  if (!result || result.ok) return null;
  return (
    <div className="alert alert-error" role="alert">
      <p>{result.formError ? t(result.formError.key, result.formError.params) : t("validation.summary")}</p>
    </div>
  );
}

export function isFailure(value: unknown): value is FormFailure {
  return !!value && typeof value === "object" && (value as { ok?: unknown }).ok === false;
}
