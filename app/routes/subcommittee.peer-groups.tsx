import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { notFound, requireCapability } from "~/auth/permissions.server";
import { Field, FormErrorSummary } from "~/components/forms";
import { answerIntroductionAs, peerGroupsPage, savePeerGroup } from "~/cycle/peer.server";
import { useFormat, useLocale, useT } from "~/i18n/react";
import { failureFor, parseForm } from "~/lib/forms";
import { intentFailure } from "~/lib/action-result.server";
import { readId } from "~/lib/params";
import { pageMeta } from "~/lib/meta";
import { DataTable } from "~/components/data-table";
import { JaText } from "~/components/ja-text";

export const meta = pageMeta("cycle.peerGroups.title");

export async function loader({ request }: LoaderFunctionArgs) {
  return peerGroupsPage(await requireCapability(request, "usePeerGroups"));
}

const groupSchema = z.object({ name: z.string().trim().min(1).max(200), offices: z.array(z.coerce.number().int()) });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCapability(request, "usePeerGroups");
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  if (intent === "introduced" || intent === "declined") {
    if (!(await answerIntroductionAs(user, readId(String(formData.get("requestId") ?? "")) ?? 0, intent))) throw notFound();
    return redirect("/subcommittee/peer-groups?saved=1#requests");
  }
  const wardId = readId(String(formData.get("wardId") ?? "")) ?? 0;
  const parsed = parseForm(groupSchema, formData, ["offices"]);
  const groupId = intent === "edit" ? (readId(String(formData.get("groupId") ?? "")) ?? 0) : null;
  if (!parsed.ok) return intentFailure(groupId === null ? "create" : "edit", parsed, { groupId, wardId });
  if (!(await savePeerGroup(user, { wardId, groupId, ...parsed.data }))) throw notFound();
  return redirect("/subcommittee/peer-groups?saved=1");
}

export default function PeerGroups() {
  const t = useT();
  const format = useFormat();
  const locale = useLocale();
  const { wards, requests } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failedFor = (groupId: number | null, wardId: number) => {
    const failed = failureFor(result, groupId === null ? "create" : "edit");
    return failed?.groupId === groupId && failed.wardId === wardId ? failed : undefined;
  };
  const [params] = useSearchParams();
  const name = (x: { nameJa: string; nameEn: string }) => (locale === "en" ? x.nameEn : x.nameJa);
  return (
    <div className="page">
      <h1>{t("cycle.peerGroups.title")}</h1>
      {params.get("saved") ? (
        <p className="alert alert-success" role="status">
          {t("cycle.plan.saved")}
        </p>
      ) : null}
      {wards.map((w) => (
        <section key={w.id} aria-labelledby={`ward-${w.id}`}>
          <h2 id={`ward-${w.id}`}>{name(w)}</h2>
          {[...w.groups, null].map((g) => {
            const failed = failedFor(g?.id ?? null, w.id);
            return (
              <Form key={g?.id ?? "new"} method="post" className="panel">
                <input type="hidden" name="intent" value={g ? "edit" : "create"} />
                <input type="hidden" name="wardId" value={w.id} />
                {g ? <input type="hidden" name="groupId" value={g.id} /> : null}
                <h3>{g ? `${g.name}（${t("cycle.peerGroups.activities", { count: g.activities })}）` : t("cycle.peerGroups.new")}</h3>
                <FormErrorSummary result={failed} />
                <Field
                  label={t("cycle.peerGroups.name")}
                  name="name"
                  defaultValue={failed?.values?.name ?? g?.name ?? ""}
                  errors={failed?.fieldErrors.name}
                  required
                />
                <fieldset className="field">
                  <legend>{t("cycle.peerGroups.members")}</legend>
                  {w.offices.map((o) => (
                    <label key={o.id} className="checkbox">
                      <input type="checkbox" name="offices" value={o.id} defaultChecked={g ? g.members.includes(o.id) : false} />{" "}
                      <JaText>{o.name}</JaText>
                    </label>
                  ))}
                </fieldset>
                <button type="submit" className="button">
                  {g ? t("common.save") : t("common.create")}
                </button>
              </Form>
            );
          })}
        </section>
      ))}
      <section id="requests" aria-labelledby="requests-heading">
        <h2 id="requests-heading">{t("cycle.peerGroups.requests")}</h2>
        {requests.length === 0 ? (
          <p className="muted">{t("cycle.peerGroups.noRequests")}</p>
        ) : (
          <DataTable caption={t("cycle.peerGroups.requests")}>
            <thead>
              <tr>
                <th scope="col">{t("cycle.peerGroups.from")}</th>
                <th scope="col">{t("cycle.col.item")}</th>
                <th scope="col">{t("cycle.peerGroups.target")}</th>
                <th scope="col">{t("cycle.peerGroups.requestedAt")}</th>
                <th scope="col">{t("cycle.plan.field.status")}</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => (
                <tr key={r.id}>
                  <td>{r.from}</td>
                  <td>{r.itemCode}</td>
                  <td>{r.target}</td>
                  <td>{format.date(r.createdAt)}</td>
                  <td>
                    {r.status === "REQUESTED" ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="requestId" value={r.id} />
                        <button type="submit" name="intent" value="introduced" className="button small">
                          {t("cycle.introStatus.INTRODUCED")}
                        </button>
                        <button type="submit" name="intent" value="declined" className="button small secondary">
                          {t("cycle.introStatus.DECLINED")}
                        </button>
                      </Form>
                    ) : (
                      t(`cycle.introStatus.${r.status}`)
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>
    </div>
  );
}
