// The six-digit authenticator code, as the sign-in's second step and the account's set-up ask for it: one field so
// both offer the phone's number pad and the code the phone suggests (one-time-code) the same way.
import { Field } from "~/components/forms";
import { useT } from "~/i18n/react";
import type { Message } from "~/lib/forms";

export function TotpCodeField({ errors }: { errors?: Message[] }) {
  const t = useT();
  return (
    <Field
      label={t("twoFactor.field.code")}
      hint={t("twoFactor.field.codeHint")}
      name="code"
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9]*"
      maxLength={6}
      required
      errors={errors}
    />
  );
}
