import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { OfficeForm } from "~/admin/office-form";
import {
  createOffice,
  DuplicateOfficeError,
  DuplicateOfficeNumberError,
  listWards,
  officeFormSchema,
  UnknownWardError,
} from "~/admin/offices.server";
import { requireCapability } from "~/auth/permissions.server";
import { isFailure } from "~/components/forms";
import { useT } from "~/i18n/react";
import { failure, parseForm } from "~/lib/forms";
import { pageMeta } from "~/lib/meta";

export const meta = pageMeta("admin.offices.new");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCapability(request, "administer");
  return { wards: await listWards() };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireCapability(request, "administer");
  const formData = await request.formData();
  const parsed = parseForm(officeFormSchema, formData);
  if (!parsed.ok) return data(parsed, { status: 400 });
  try {
    const office = await createOffice(parsed.data, admin.id);
    return redirect(`/admin/offices/${office.id}?created=1`);
  } catch (error) {
    if (error instanceof DuplicateOfficeError)
      return data(failure({ name: [{ key: "admin.offices.duplicate" }] }, formData), { status: 400 });
    if (error instanceof DuplicateOfficeNumberError)
      return data(failure({ officeNumber: [{ key: "imports.officeNumber.duplicate" }] }, formData), { status: 400 });
    if (error instanceof UnknownWardError) return data(failure({ wardId: [{ key: "validation.choose" }] }, formData), { status: 400 });
    throw error;
  }
}

export default function NewOffice() {
  const t = useT();
  const { wards } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="page narrow">
      <p>
        <Link to="/admin/offices">← {t("admin.offices.title")}</Link>
      </p>
      <h1>{t("admin.offices.new")}</h1>
      <OfficeForm wards={wards} failed={isFailure(result) ? result : undefined} submitLabel={t("common.create")} />
    </div>
  );
}
