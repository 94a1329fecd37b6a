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

/** The ids and ARIA attributes of one form control: its label, hint and errors point at it and it at them. */
function useControl(id: string | undefined, name: string, errors?: Message[], hint?: ReactNode) {
  const generated = useId();
  const inputId = id ?? generated;
  const errorId = `${inputId}-error`;
  const hintId = `${inputId}-hint`;
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(" ") || undefined;
  const control = { id: inputId, name, "aria-invalid": errors?.length ? true : undefined, "aria-describedby": describedBy };
  return { inputId, errorId, hintId, control };
}

/** The box around one control: its label, its hint, the control, its errors. */
function FieldBox({
  ids,
  label,
  hint,
  errors,
  children,
}: {
  ids: { inputId: string; errorId: string; hintId: string };
  label: ReactNode;
  hint?: ReactNode;
  errors?: Message[];
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={ids.inputId}>{label}</label>
      {hint ? (
        <p id={ids.hintId} className="hint">
          {hint}
        </p>
      ) : null}
      {children}
      <ErrorList id={ids.errorId} errors={errors} />
    </div>
  );
}

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: ReactNode;
  name: string;
  errors?: Message[];
  hint?: ReactNode;
}

export function Field({ label, name, errors, hint, id, ...input }: FieldProps) {
  const ids = useControl(id, name, errors, hint);
  return (
    <FieldBox ids={ids} label={label} hint={hint} errors={errors}>
      <input {...ids.control} {...input} />
    </FieldBox>
  );
}

interface TextareaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: ReactNode;
  name: string;
  errors?: Message[];
}

export function TextareaField({ label, name, errors, id, ...rest }: TextareaFieldProps) {
  const ids = useControl(id, name, errors);
  return (
    <FieldBox ids={ids} label={label} errors={errors}>
      <textarea {...ids.control} {...rest} />
    </FieldBox>
  );
}

interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: ReactNode;
  name: string;
  errors?: Message[];
  children: ReactNode;
}

export function SelectField({ label, name, errors, id, children, ...rest }: SelectFieldProps) {
  const ids = useControl(id, name, errors);
  return (
    <FieldBox ids={ids} label={label} errors={errors}>
      <select {...ids.control} {...rest}>
        {children}
      </select>
    </FieldBox>
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
