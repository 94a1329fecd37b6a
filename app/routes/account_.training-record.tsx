import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireCapability } from "~/auth/permissions.server";
import { useT } from "~/i18n/react";
import { myTrainingRecord, myTrainingRecordAction } from "~/staff/staff.server";
import { OfficeHistory, PlatformTraining, StaffOutcome, StatutoryRecord, statutoryRecordMessage } from "~/staff/ui";
import { pageMeta } from "~/lib/meta";

export const meta = pageMeta("staff.mine.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "keepTrainingRecord");
  return myTrainingRecord(user);
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCapability(request, "keepTrainingRecord");
  const result = await myTrainingRecordAction(user, await request.formData());
  return result.ok ? result : data(result, { status: 400 });
}

export default function TrainingRecord() {
  const t = useT();
  const { record, history, platform } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const failed = result && !result.ok ? result : null;
  return (
    <div className="page">
      <p>
        <Link to="/account">{t("nav.account")}</Link>
      </p>
      <h1>{t("staff.mine.title")}</h1>
      <p className="hint">{t("staff.mine.intro")}</p>
      <StaffOutcome done={result?.ok ? t(statutoryRecordMessage(result.intent) ?? "staff.refresher.removed") : null} failed={failed} />
      <StatutoryRecord record={record} failed={failed} busy={busy} />
      <PlatformTraining rows={platform} />
      <OfficeHistory rows={history} headingId="history-heading" heading={t("staff.mine.history")} />
    </div>
  );
}
