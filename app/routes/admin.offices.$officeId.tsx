import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { OfficeForm } from "~/admin/office-form";
import {
  DuplicateOfficeError,
  DuplicateOfficeNumberError,
  listWards,
  officeFormSchema,
  UnknownWardError,
  updateOffice,
} from "~/admin/offices.server";
import { notFound, requireCapability } from "~/auth/permissions.server";
import { isFailure } from "~/components/forms";
import { prisma } from "~/db.server";
import { useT } from "~/i18n/react";
import { failure, parseForm } from "~/lib/forms";
import { idParam } from "~/lib/params";
import { dataMeta } from "~/lib/meta";
import type { SerializeFrom } from "@remix-run/node";

type Data = SerializeFrom<typeof loader>;
export const meta = dataMeta<Data>((_t, d) => d.office.name);

async function findOffice(param: string | undefined) {
  const office = await prisma.office.findUnique({
    where: { id: idParam(param) },
    include: { users: { orderBy: { displayName: "asc" } } },
  });
  if (!office) throw notFound();
  return office;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCapability(request, "administer");
  const office = await findOffice(params.officeId);
  return {
    wards: await listWards(),
    office: {
      id: office.id,
      name: office.name,
      kind: office.kind,
      wardId: office.wardId,
      address: office.address,
      officeNumber: office.officeNumber ?? "",
      agreesToBeNamed: office.agreesToBeNamed,
      active: office.active,
    },
    users: office.users.map((u) => ({ id: u.id, displayName: u.displayName, email: u.email, roles: u.roles })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireCapability(request, "administer");
  const office = await findOffice(params.officeId);
  const formData = await request.formData();
  const parsed = parseForm(officeFormSchema, formData, ["active"]);
  if (!parsed.ok) return data(parsed, { status: 400 });
  try {
    await updateOffice(office.id, parsed.data, admin.id);
    return { ok: true as const };
  } catch (error) {
    if (error instanceof DuplicateOfficeError)
      return data(failure({ name: [{ key: "admin.offices.duplicate" }] }, formData), { status: 400 });
    if (error instanceof DuplicateOfficeNumberError)
      return data(failure({ officeNumber: [{ key: "imports.officeNumber.duplicate" }] }, formData), { status: 400 });
    if (error instanceof UnknownWardError) return data(failure({ wardId: [{ key: "validation.choose" }] }, formData), { status: 400 });
    throw error;
  }
}

export default function EditOffice() {
  const t = useT();
  const { wards, office, users } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const saved = (result && result.ok) || search.get("created");
  return (
    <div className="page narrow">
      <p>
        <Link to="/admin/offices">← {t("admin.offices.title")}</Link>
      </p>
      <h1>{office.name}</h1>
      {saved ? (
        <p className="alert alert-success" role="status">
          {t("common.saved")}
        </p>
      ) : null}
      <OfficeForm wards={wards} initial={office} failed={isFailure(result) ? result : undefined} submitLabel={t("common.save")} />
      <section className="panel" aria-labelledby="office-users">
        <h2 id="office-users">{t("admin.offices.users")}</h2>
        {users.length === 0 ? <p>{t("common.none")}</p> : null}
        <ul>
          {users.map((u) => (
            <li key={u.id}>
              <Link to={`/admin/users/${u.id}`}>{u.displayName}</Link> <span className="muted">{u.email}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
