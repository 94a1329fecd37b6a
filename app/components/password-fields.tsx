// The new password and its confirmation, with the policy's minimum as a hint: one pair of fields for setting a
// password from an invitation (/invite/:token) and for changing it (/account).
import { PASSWORD_MIN } from "~/auth/password-policy";
import { useT } from "~/i18n/react";
import type { FormFailure } from "~/lib/forms";
import { Field } from "./forms";

export function NewPasswordFields({ failed }: { failed?: FormFailure | null }) {
  const t = useT();
  return (
    <>
      <Field
        label={t("field.newPassword")}
        hint={t("field.passwordHint", { min: PASSWORD_MIN })}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        errors={failed?.fieldErrors.password}
      />
      <Field
        label={t("field.confirmPassword")}
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        errors={failed?.fieldErrors.confirm}
      />
    </>
  );
}
