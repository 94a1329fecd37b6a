import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { logRead } from "~/audit/audit.server";
import { notFound, requireCapability } from "~/auth/permissions.server";
import { FormErrorSummary, TextareaField } from "~/components/forms";
import { checklistItemChoices, commentOnItem, isItemOfPlan, markReviewed, planViewById } from "~/cycle/action-plan.server";
import { commentSchema } from "~/cycle/plan-forms";
import { PlanItemCard } from "~/cycle/plan-item-card";
import { StatusChart } from "~/cycle/status-chart";
import { useFormat, useLocale, useT } from "~/i18n/react";
import { failureFor, parseForm } from "~/lib/forms";
import { intentFailure } from "~/lib/action-result.server";
import { idParam, readId } from "~/lib/params";
import { dataMeta } from "~/lib/meta";
import type { SerializeFrom } from "@remix-run/node";
import { JaParts } from "~/components/ja-text";

type Data = SerializeFrom<typeof loader>;
export const meta = dataMeta<Data>((t, d, { fiscalYear }) =>
  t("cycle.subPlans.detailTitle", { office: d.plan.officeName, year: fiscalYear(d.plan.fiscalYear) }),
);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "viewSubcommittee");
  const plan = await planViewById(idParam(params.planId));
  if (!plan) throw notFound();
  await logRead(user, "actionPlan.read", [
    {
      entityType: "ActionPlan",
      entityId: plan.id,
      subjectOfficeId: plan.officeId,
      summary: `FY${plan.fiscalYear} plan, updates, comments`,
    },
  ]);
  return { plan, choices: await checklistItemChoices(plan.fiscalYear) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCapability(request, "viewSubcommittee");
  const planId = idParam(params.planId);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  if (intent === "review") {
    await markReviewed(planId, user.id);
    return redirect(`/subcommittee/action-plans/${planId}?reviewed=1`);
  }
  const itemId = readId(String(formData.get("itemId") ?? ""));
  if (itemId === null || !(await isItemOfPlan(itemId, planId))) throw notFound();
  const parsed = parseForm(commentSchema, formData);
  if (!parsed.ok) return intentFailure("comment", parsed, { itemId });
  await commentOnItem(itemId, user.id, parsed.data.text);
  return redirect(`/subcommittee/action-plans/${planId}?commented=1#plan-item-${itemId}`);
}

export default function SubcommitteeActionPlan() {
  const t = useT();
  const format = useFormat();
  const locale = useLocale();
  const { plan, choices } = useLoaderData<typeof loader>();
  const comment = failureFor(useActionData<typeof action>(), "comment");
  const [params] = useSearchParams();
  const itemText = Object.fromEntries(choices.map((c) => [c.code, c]));
  return (
    <div className="page action-plan">
      <p>
        <Link to={`/subcommittee/action-plans?year=${plan.fiscalYear}`}>← {t("cycle.subPlans.title")}</Link>
      </p>
      <h1>
        <JaParts
          text={t("cycle.subPlans.detailTitle", { office: plan.officeName, year: format.fiscalYear(plan.fiscalYear) })}
          parts={[plan.officeName]}
        />
      </h1>
      <p className="muted">
        {locale === "en" ? plan.wardEn : plan.wardJa} · {t("cycle.plan.statusLine", { status: t(`cycle.planStatus.${plan.status}`) })}
      </p>
      {params.get("commented") ? (
        <p className="alert alert-success" role="status">
          {t("cycle.subPlans.commented")}
        </p>
      ) : null}
      {params.get("reviewed") ? (
        <p className="alert alert-success" role="status">
          {t("cycle.subPlans.reviewedNotice")}
        </p>
      ) : null}
      {plan.items.length === 0 ? <p className="muted">{t("cycle.plan.noItems")}</p> : null}
      {plan.items.map((item, index) => {
        const failed = comment?.itemId === item.id ? comment : undefined;
        return (
          <PlanItemCard key={item.id} item={item} index={index} itemText={itemText} afterYear={plan.afterYear}>
            <Form method="post" className="plan-comment-form">
              <input type="hidden" name="intent" value="comment" />
              <input type="hidden" name="itemId" value={item.id} />
              <FormErrorSummary result={failed} />
              <TextareaField
                label={t("cycle.subPlans.commentLabel", { n: index + 1 })}
                name="text"
                rows={2}
                defaultValue={failed?.values?.text ?? ""}
                errors={failed?.fieldErrors.text}
                required
              />
              <button type="submit" className="button">
                {t("cycle.subPlans.comment")}
              </button>
            </Form>
          </PlanItemCard>
        );
      })}
      {plan.items.length ? <StatusChart rows={plan.timeline} id="plan-status" /> : null}
      {plan.status === "SUBMITTED" ? (
        <Form method="post" className="panel">
          <input type="hidden" name="intent" value="review" />
          <button type="submit" className="button">
            {t("cycle.subPlans.markReviewed")}
          </button>
        </Form>
      ) : null}
    </div>
  );
}
