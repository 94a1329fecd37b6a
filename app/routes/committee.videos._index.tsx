import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { z } from "zod";
import { requireCapability } from "~/auth/permissions.server";
import { resolveLocale } from "~/i18n/i18n.server";
import { useT } from "~/i18n/react";
import { duration, VideoStatus } from "~/video/ui";
import { VideoUploader } from "~/video/uploader";
import { listVideos, retryTranscode } from "~/video/video.server";
import { pageMeta } from "~/lib/meta";
import { DataTable } from "~/components/data-table";
import { inLocale } from "~/i18n";

export const meta = pageMeta("video.list.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "runTraining");
  return { locale: resolveLocale(request, user), videos: await listVideos(user) };
}

const retrySchema = z.object({ intent: z.literal("retry"), id: z.coerce.number().int().positive() });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireCapability(request, "runTraining");
  const parsed = retrySchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return { ok: false as const };
  return { ok: await retryTranscode(user, parsed.data.id) };
}

export default function CommitteeVideos() {
  const t = useT();
  const { videos, locale } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const revalidator = useRevalidator();
  const busy = videos.some((v) => v.status === "queued" || v.status === "processing");
  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, 3000);
    return () => clearInterval(timer);
  }, [busy, revalidator]);
  return (
    <div className="page">
      <h1>{t("video.list.title")}</h1>
      <p>{t("video.list.intro")}</p>
      <VideoUploader endpoint="/committee/videos/uploads" />
      {actionData?.ok ? (
        <p className="alert alert-success" role="status">
          {t("video.retried")}
        </p>
      ) : null}
      {videos.length ? (
        <DataTable caption={t("video.list.caption")}>
          <thead>
            <tr>
              <th scope="col">{t("video.col.title")}</th>
              <th scope="col">{t("video.col.status")}</th>
              <th scope="col">{t("video.col.duration")}</th>
              <th scope="col">{t("video.col.captions")}</th>
              <th scope="col">{t("video.col.published")}</th>
            </tr>
          </thead>
          <tbody>
            {videos.map((v) => (
              <tr key={v.id} data-video={v.slug}>
                <th scope="row">
                  <Link to={`/committee/videos/${v.id}`}>{inLocale(locale, v.titleJa, v.titleEn)}</Link>
                  <br />
                  <span className="muted small">{v.slug}</span>
                </th>
                <td>
                  <VideoStatus status={v.status} progress={v.progress} />
                  {v.status === "failed" ? (
                    <>
                      <p className="small">{t("video.failedReason", { reason: v.failureReason })}</p>
                      <Form method="post">
                        <input type="hidden" name="intent" value="retry" />
                        <input type="hidden" name="id" value={v.id} />
                        <button type="submit" className="button secondary">
                          {t("video.retry")}
                        </button>
                      </Form>
                    </>
                  ) : null}
                </td>
                <td>{duration(v.durationSeconds)}</td>
                <td>
                  日本語 {v.hasCaptionsJa ? t("video.yes") : t("video.no")} / English {v.hasCaptionsEn ? t("video.yes") : t("video.no")}
                </td>
                <td>{v.published ? t("video.published") : t("video.unpublished")}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : (
        <p>{t("video.list.none")}</p>
      )}
    </div>
  );
}
