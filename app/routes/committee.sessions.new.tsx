import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { formKeyOf } from "~/lib/form-key.server";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { audit } from "~/audit/audit.server";
import { requireCapability } from "~/auth/permissions.server";
import { useT } from "~/i18n/react";
import { parseSessionForm } from "~/scheduling/session-form";
import { SessionForm } from "~/scheduling/session-form.tsx";
import { createSessionOnce, sessionFormContext, sessionFormRules } from "~/scheduling/scheduling.server";
import { resolveLocale } from "~/i18n/i18n.server";
import { pageMeta } from "~/lib/meta";

export const meta = pageMeta("scheduling.form.newTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "runTraining");
  return sessionFormContext(resolveLocale(request, user));
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCapability(request, "runTraining");
  const formData = await request.formData();
  const parsed = parseSessionForm(formData, sessionFormRules({ creating: true }));
  if (!parsed.ok) return data(parsed, { status: 400 });
  const s = await createSessionOnce(parsed.data, user.id, formKeyOf(formData));
  if (!s) return redirect("/committee/sessions");
  await audit({ actorId: user.id, action: "scheduling.session.create", entityType: "TrainingSession", entityId: s.id, summary: s.titleJa });
  return redirect(`/committee/sessions/${s.id}?created=1`);
}

export default function NewSession() {
  const t = useT();
  const { goals, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  return (
    <div className="page">
      <h1>{t("scheduling.form.newTitle")}</h1>
      <SessionForm values={{}} result={result ?? null} busy={busy} goals={goals} today={today} />
    </div>
  );
}
