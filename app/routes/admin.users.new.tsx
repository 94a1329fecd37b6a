import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { officeOptions } from "~/admin/admin-data.server";
import { UserForm } from "~/admin/user-form";
import { createUser, DuplicateEmailError, OfficeRequiredError, userFormSchema } from "~/admin/users.server";
import { inviteUser, publicOrigin } from "~/auth/invitations.server";
import { requireCapability } from "~/auth/permissions.server";
import { isFailure } from "~/components/forms";
import { resolveLocale } from "~/i18n/i18n.server";
import { useT } from "~/i18n/react";
import { failure, parseForm } from "~/lib/forms";
import { pageMeta } from "~/lib/meta";

export const meta = pageMeta("admin.users.new");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "administer");
  return { offices: await officeOptions(resolveLocale(request, user)) };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireCapability(request, "administer");
  const formData = await request.formData();
  const roles = formData.getAll("roles").map(String);
  const parsed = parseForm(userFormSchema, formData, ["roles"]);
  if (!parsed.ok) return data({ ...parsed, roles }, { status: 400 });
  try {
    const user = await createUser(parsed.data, admin.id);
    await inviteUser(user.id, admin.id, publicOrigin(request));
    return redirect(`/admin/users/${user.id}?created=1`);
  } catch (error) {
    if (error instanceof DuplicateEmailError)
      return data({ ...failure({ email: [{ key: "admin.users.duplicateEmail" }] }, formData), roles }, { status: 400 });
    if (error instanceof OfficeRequiredError)
      return data({ ...failure({ officeId: [{ key: "admin.users.officeRequired" }] }, formData), roles }, { status: 400 });
    throw error;
  }
}

export default function NewUser() {
  const t = useT();
  const { offices } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="page narrow">
      <p>
        <Link to="/admin/users">← {t("admin.users.title")}</Link>
      </p>
      <h1>{t("admin.users.new")}</h1>
      <p>{t("admin.users.newLead")}</p>
      <UserForm
        offices={offices}
        failed={isFailure(result) ? result : undefined}
        failedRoles={result?.roles}
        submitLabel={t("admin.users.createAndInvite")}
      />
    </div>
  );
}
