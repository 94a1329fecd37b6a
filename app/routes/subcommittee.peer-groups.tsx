import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { audit } from "~/audit/audit.server";
import { notFound, requireCapability } from "~/auth/permissions.server";
import { Field, FormErrorSummary, isFailure } from "~/components/forms";
import { answerIntroduction } from "~/cycle/peer.server";
import { prisma } from "~/db.server";
import { useFormat, useLocale, useT } from "~/i18n/react";
import { parseForm, type FormFailure } from "~/lib/forms";

export const meta: MetaFunction = () => [{ title: "ピア研修グループ | つなぐ" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCapability(request, "usePeerGroups");
  const [wards, requests] = await Promise.all([
    prisma.ward.findMany({
      orderBy: { sortOrder: "asc" },
      include: {
        offices: { where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true } },
        peerGroups: { orderBy: { id: "asc" }, include: { offices: { select: { id: true } }, _count: { select: { activities: true } } } },
      },
    }),
    prisma.introductionRequest.findMany({
      orderBy: { createdAt: "desc" },
      include: { fromOffice: { select: { name: true } }, targetOffice: { select: { name: true } } },
    }),
  ]);
  return {
    wards: wards.map((w) => ({
      id: w.id,
      nameJa: w.nameJa,
      nameEn: w.nameEn,
      offices: w.offices,
      groups: w.peerGroups.map((g) => ({ id: g.id, name: g.name, members: g.offices.map((o) => o.id), activities: g._count.activities })),
    })),
    requests: requests.map((r) => ({
      id: r.id,
      from: r.fromOffice.name,
      target: r.targetOffice.name,
      itemCode: r.itemCode,
      status: r.status,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}

const groupSchema = z.object({ name: z.string().trim().min(1).max(200), offices: z.array(z.coerce.number().int()) });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCapability(request, "usePeerGroups");
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  if (intent === "introduced" || intent === "declined") {
    if (!(await answerIntroduction(Number(formData.get("requestId")), intent, user.id))) throw notFound();
    return redirect("/subcommittee/peer-groups?saved=1#requests");
  }
  const wardId = Number(formData.get("wardId"));
  const ward = await prisma.ward.findUnique({ where: { id: wardId }, include: { offices: { select: { id: true } } } });
  if (!ward) throw notFound();
  const parsed = parseForm(groupSchema, formData, ["offices"]);
  const groupId = intent === "edit" ? Number(formData.get("groupId")) : null;
  if (!parsed.ok) return data({ ...parsed, groupId, wardId }, { status: 400 });
  // Only offices of the ward can join its group.
  const wardOffices = new Set(ward.offices.map((o) => o.id));
  const members = parsed.data.offices.filter((id) => wardOffices.has(id)).map((id) => ({ id }));
  if (groupId !== null) {
    const group = await prisma.peerGroup.findUnique({ where: { id: groupId } });
    if (!group || group.wardId !== wardId) throw notFound();
    await prisma.peerGroup.update({ where: { id: groupId }, data: { name: parsed.data.name, offices: { set: members } } });
  } else {
    await prisma.peerGroup.create({ data: { wardId, name: parsed.data.name, offices: { connect: members } } });
  }
  await audit({
    actorId: user.id,
    action: "peer.group",
    entityType: "PeerGroup",
    entityId: String(groupId ?? "new"),
    summary: parsed.data.name,
  });
  return redirect("/subcommittee/peer-groups?saved=1");
}

export default function PeerGroups() {
  const t = useT();
  const format = useFormat();
  const locale = useLocale();
  const { wards, requests } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as (FormFailure & { groupId: number | null; wardId: number }) | undefined;
  const failedFor = (groupId: number | null, wardId: number) =>
    isFailure(result) && result.groupId === groupId && result.wardId === wardId ? result : undefined;
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
                      <input type="checkbox" name="offices" value={o.id} defaultChecked={g ? g.members.includes(o.id) : false} /> {o.name}
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
          <div className="table-wrap">
            <table>
              <caption>{t("cycle.peerGroups.requests")}</caption>
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
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
