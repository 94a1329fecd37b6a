import { Form } from "@remix-run/react";
import { ROLES } from "~/auth/roles";
import { ErrorList, Field, FormErrorSummary, SelectField } from "~/components/forms";
import { useT } from "~/i18n/react";
import type { FormFailure } from "~/lib/forms";
import { JaOption } from "~/components/ja-text";

export interface UserFormValues {
  email: string;
  displayName: string;
  locale: string;
  officeId: number | null;
  roles: string[];
}

interface Props {
  offices: { id: number; name: string; wardName: string }[];
  initial?: UserFormValues;
  failed?: FormFailure;
  submitLabel: string;
  failedRoles?: string[];
}

/** The create and edit forms for a user share these fields and their error display. */
export function UserForm({ offices, initial, failed, submitLabel, failedRoles }: Props) {
  const t = useT();
  const v = failed?.values;
  // FormData values keep only the last checkbox, so after a failed save the roles come from `failedRoles`.
  const roles = failedRoles ?? initial?.roles;
  return (
    <Form method="post" className="stack" noValidate>
      <FormErrorSummary result={failed} />
      <input type="hidden" name="intent" value="save" />
      <Field
        label={t("field.email")}
        name="email"
        type="email"
        required
        maxLength={254}
        defaultValue={v?.email ?? initial?.email}
        errors={failed?.fieldErrors.email}
      />
      <Field
        label={t("field.displayName")}
        name="displayName"
        required
        maxLength={100}
        defaultValue={v?.displayName ?? initial?.displayName}
        errors={failed?.fieldErrors.displayName}
      />
      <SelectField
        label={t("field.language")}
        name="locale"
        defaultValue={v?.locale ?? initial?.locale ?? "ja"}
        errors={failed?.fieldErrors.locale}
      >
        <option value="ja">日本語</option>
        <option value="en">English</option>
      </SelectField>
      <SelectField
        label={t("field.office")}
        name="officeId"
        defaultValue={v?.officeId ?? (initial?.officeId ? String(initial.officeId) : "")}
        errors={failed?.fieldErrors.officeId}
      >
        <option value="">{t("common.none")}</option>
        {offices.map((o) => (
          <JaOption key={o.id} value={o.id}>
            {`${o.name}（${o.wardName}）`}
          </JaOption>
        ))}
      </SelectField>
      <fieldset className="field" aria-describedby={failed?.fieldErrors.roles ? "roles-error" : undefined}>
        <legend>{t("field.roles")}</legend>
        {ROLES.map((r) => (
          <label key={r} className="check">
            <input type="checkbox" name="roles" value={r} defaultChecked={roles?.includes(r)} /> {t(`role.${r}`)}
          </label>
        ))}
        <ErrorList id="roles-error" errors={failed?.fieldErrors.roles} />
      </fieldset>
      <button type="submit" className="button">
        {submitLabel}
      </button>
    </Form>
  );
}
