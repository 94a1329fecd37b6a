import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { publicOrigin } from "~/auth/invitations.server";
import { requireCapability } from "~/auth/permissions.server";
import { Field, FormErrorSummary, SelectField } from "~/components/forms";
import { useFormat, useT } from "~/i18n/react";
import { idSearch } from "~/lib/params";
import { inviteStaff, staffPage } from "~/staff/staff.server";
import { OfficeHistory, StateBadge } from "~/staff/ui";
import { pageMeta } from "~/lib/meta";
import { DataTable } from "~/components/data-table";
import { JaOption } from "~/components/ja-text";

export const meta = pageMeta("staff.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "manageStaff");
  return staffPage(user, idSearch(request, "office"));
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCapability(request, "manageStaff");
  const page = await staffPage(user, idSearch(request, "office"));
  const result = await inviteStaff(user, page.office.id, await request.formData(), publicOrigin(request));
  return result.ok ? result : data(result, { status: 400 });
}

export default function OfficeStaff() {
  const t = useT();
  const format = useFormat();
  const { office, offices, staff, attention, history } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const failed = result && !result.ok ? result : null;
  const [search] = useSearchParams();
  const recorded = search.get("recorded");
  const handedOver = Number(search.get("count") ?? 0) || 0;
  const suffix = offices.length ? `?office=${office.id}` : "";
  return (
    <div className="page">
      <h1>{t("staff.title")}</h1>
      <p className="hint">{t("staff.intro")}</p>
      <p>{t("staff.office", { name: office.name })}</p>
      {offices.length ? (
        <Form method="get" className="inline-form">
          <SelectField label={t("staff.officePicker")} name="office" defaultValue={String(office.id)}>
            {offices.map((o) => (
              <JaOption key={o.id} value={o.id}>
                {o.name}
              </JaOption>
            ))}
          </SelectField>
          <button type="submit" className="button small secondary">
            {t("staff.officeShow")}
          </button>
        </Form>
      ) : null}
      <div aria-live="polite">
        {result && result.ok ? (
          <p className="alert alert-success" role="status">
            {t("staff.invite.done", { name: result.name ?? "" })}
          </p>
        ) : failed ? (
          <FormErrorSummary result={failed} />
        ) : recorded === "transfer" || recorded === "leave" ? (
          <p className="alert alert-success" role="status">
            {t(recorded === "transfer" ? "staff.move.transferredDone" : "staff.move.leftDone")}
            {handedOver ? ` ${t("staff.move.handedOver", { count: handedOver })}` : ""}
          </p>
        ) : null}
      </div>

      <section aria-labelledby="attention-heading">
        <h2 id="attention-heading">{t("staff.attention.heading")}</h2>
        {attention.length === 0 ? (
          <p>{t("staff.attention.none")}</p>
        ) : (
          <ul className="card-list">
            {attention.map((p) => (
              <li key={p.id} className="card">
                <Link to={`/office/staff/${p.id}${suffix}`}>{p.name}</Link> <StateBadge state={p.state} />{" "}
                {p.lastDay
                  ? t("staff.record.deadline", { date: format.date(p.lastDay), year: format.fiscalYear(p.deadlineFiscalYear!) })
                  : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="list-heading">
        <h2 id="list-heading">{t("staff.list.heading")}</h2>
        {staff.length === 0 ? (
          <p>{t("staff.list.none")}</p>
        ) : (
          <DataTable caption={t("staff.list.heading")} captionHidden>
            <thead>
              <tr>
                <th scope="col">{t("staff.col.name")}</th>
                <th scope="col">{t("staff.col.roles")}</th>
                <th scope="col">{t("staff.col.since")}</th>
                <th scope="col">{t("staff.col.initial")}</th>
                <th scope="col">{t("staff.col.deadline")}</th>
                <th scope="col">{t("staff.col.status")}</th>
                <th scope="col">{t("staff.col.chief")}</th>
              </tr>
            </thead>
            <tbody>
              {staff.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link to={`/office/staff/${p.id}${suffix}`} aria-label={t("staff.open", { name: p.name })}>
                      {p.name}
                    </Link>
                    {p.invited ? <span className="muted small"> ({t("staff.invitedMark")})</span> : null}
                    {!p.active ? <span className="muted small"> ({t("staff.inactiveMark")})</span> : null}
                    {p.moving ? (
                      <span className="badge small">
                        {p.moving.kind === "transfer"
                          ? t("staff.list.movingOn", { date: format.date(p.moving.on) })
                          : t("staff.list.leavingOn", { date: format.date(p.moving.on) })}
                      </span>
                    ) : null}
                  </th>
                  <td>{p.roles.map((r) => t(`role.${r}`)).join("、")}</td>
                  <td>{p.since ? format.date(p.since) : t("staff.unknown")}</td>
                  <td>{p.initialFiscalYear !== null ? format.fiscalYear(p.initialFiscalYear) : t("staff.unknown")}</td>
                  <td>{p.lastDay ? format.date(p.lastDay) : t("staff.unknown")}</td>
                  <td>
                    <StateBadge state={p.state} />
                  </td>
                  <td>{t(`staff.chief.${p.chiefStatus}`)}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>

      <section aria-labelledby="invite-heading">
        <h2 id="invite-heading">{t("staff.invite.heading")}</h2>
        <p className="hint">{t("staff.invite.hint")}</p>
        <Form method="post" className="stack">
          <Field
            label={t("staff.invite.name")}
            name="displayName"
            required
            maxLength={100}
            autoComplete="off"
            defaultValue={failed?.values?.displayName ?? ""}
            errors={failed?.fieldErrors.displayName}
          />
          <Field
            label={t("staff.invite.email")}
            name="email"
            type="email"
            required
            autoComplete="off"
            defaultValue={failed?.values?.email ?? ""}
            errors={failed?.fieldErrors.email}
          />
          <SelectField
            label={t("staff.invite.role")}
            name="role"
            defaultValue={failed?.values?.role ?? "TRAINEE"}
            errors={failed?.fieldErrors.role}
          >
            <option value="TRAINEE">{t("role.TRAINEE")}</option>
            <option value="OFFICE_MANAGER">{t("role.OFFICE_MANAGER")}</option>
          </SelectField>
          <button type="submit" name="intent" value="invite" className="button" disabled={busy}>
            {t("staff.invite.submit")}
          </button>
        </Form>
      </section>

      <OfficeHistory
        headingId="history-heading"
        heading={t("staff.history.heading")}
        rows={history.map((h) => ({
          id: h.id,
          office: h.name,
          startedOn: h.startedOn,
          endedOn: h.endedOn,
          kind: h.kind,
          toOffice: h.toOffice,
        }))}
      />
    </div>
  );
}
