import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { notFound, requireCapability } from "~/auth/permissions.server";
import { useT } from "~/i18n/react";
import { LecturePlayer } from "~/video/player";
import { duration, VideoStatus } from "~/video/ui";
import { MAX_VTT_BYTES } from "~/video/vtt";
import { getVideoForManager, playerData, saveCaptions, saveDetails, setPublished } from "~/video/video.server";
import { dataMeta } from "~/lib/meta";
import type { SerializeFrom } from "@remix-run/node";
import { inLocale } from "~/i18n";
import { intentResult } from "~/lib/action-result.server";

type Data = SerializeFrom<typeof loader>;
export const meta = dataMeta<Data>((_t, d, { locale }) => inLocale(locale, d.video.titleJa, d.video.titleEn));

const idParam = z.coerce.number().int().positive();

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "runTraining");
  const id = idParam.safeParse(params.id);
  if (!id.success) throw notFound();
  const v = await getVideoForManager(user, id.data);
  if (!v) throw notFound();
  return {
    video: {
      id: v.id,
      slug: v.slug,
      titleJa: v.titleJa,
      titleEn: v.titleEn,
      status: v.status,
      progress: v.progress,
      failureReason: v.failureReason,
      durationSeconds: v.durationSeconds,
      originalName: v.originalName,
      hasCaptionsJa: !!v.captionsJa,
      hasCaptionsEn: !!v.captionsEn,
      transcriptJa: v.transcriptJa,
      transcriptEn: v.transcriptEn,
      published: !!v.publishedAt,
    },
    player: v.status === "ready" ? await playerData(user, String(v.id)) : null,
  };
}

const detailsSchema = z.object({
  titleJa: z.string().trim().min(1).max(200),
  titleEn: z.string().trim().max(200),
  transcriptJa: z.string().max(100_000),
  transcriptEn: z.string().max(100_000),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCapability(request, "runTraining");
  const id = idParam.safeParse(params.id);
  if (!id.success) throw notFound();
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_VTT_BYTES * 2 + 400_000)
    return intentResult("captions", { ok: false as const, problems: [{ line: 1, reason: "too large" }] }, 413);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  if (intent === "captions") {
    const lang = form.get("lang") === "en" ? "en" : "ja";
    const file = form.get("file");
    const text = file instanceof File ? await file.text() : "";
    const result = await saveCaptions(user, id.data, lang, text);
    return intentResult(intent, { lang, ...result }, result.ok ? 200 : 400);
  }
  if (intent === "details") {
    const parsed = detailsSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return intentResult(intent, { ok: false as const }, 400);
    await saveDetails(user, id.data, parsed.data);
    return intentResult(intent, { ok: true as const });
  }
  if (intent === "publish" || intent === "unpublish") {
    const result = await setPublished(user, id.data, intent === "publish");
    return intentResult(intent, result, result.ok ? 200 : 400);
  }
  return intentResult("unknown", { ok: false as const }, 400);
}

export default function CommitteeVideo() {
  const t = useT();
  const { video, player } = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const code = `<Video video="${video.slug}" />`;
  return (
    <div className="page">
      <p>
        <Link to="/committee/videos">{t("video.detail.back")}</Link>
      </p>
      <h1>{video.titleJa}</h1>
      <p>
        <VideoStatus status={video.status} progress={video.progress} /> · {duration(video.durationSeconds)} ·{" "}
        {video.published ? t("video.published") : t("video.unpublished")}
      </p>
      {video.status === "failed" ? <p>{t("video.failedReason", { reason: video.failureReason })}</p> : null}
      <p className="muted">{t("video.detail.info", { slug: video.slug, name: video.originalName })}</p>
      <p>
        <code>{t("video.detail.embed", { code })}</code>
      </p>

      {a && (a.intent === "publish" || a.intent === "unpublish") ? (
        <p className={`alert ${a.ok ? "alert-success" : "alert-error"}`} role={a.ok ? "status" : "alert"}>
          {a.ok
            ? t(a.intent === "publish" ? "video.publish.done" : "video.unpublish.done")
            : t(`video.publish.${a.reason}` as "video.publish.not-ready")}
        </p>
      ) : null}
      <Form method="post">
        <input type="hidden" name="intent" value={video.published ? "unpublish" : "publish"} />
        <button type="submit" className="button">
          {video.published ? t("video.unpublish") : t("video.publish")}
        </button>
      </Form>

      <section aria-labelledby="captions-heading">
        <h2 id="captions-heading">{t("video.captions.heading")}</h2>
        {a?.intent === "captions" ? (
          a.ok ? (
            <p className="alert alert-success" role="status">
              {t("video.captions.saved", { count: a.cues ?? 0 })}
            </p>
          ) : (
            <div className="alert alert-error" role="alert">
              <p>{t("video.captions.invalid")}</p>
              <ul>
                {(a.problems ?? []).map((p, i) => (
                  <li key={i}>{t("video.captions.line", { line: p.line, reason: p.reason })}</li>
                ))}
              </ul>
            </div>
          )
        ) : null}
        {(["ja", "en"] as const).map((lang) => (
          <Form method="post" encType="multipart/form-data" key={lang} className="card">
            <input type="hidden" name="intent" value="captions" />
            <input type="hidden" name="lang" value={lang} />
            <h3>
              {t(lang === "ja" ? "video.captions.ja" : "video.captions.en")}:{" "}
              {(lang === "ja" ? video.hasCaptionsJa : video.hasCaptionsEn) ? t("video.captions.current") : t("video.captions.missing")}
            </h3>
            <div className="field">
              <label htmlFor={`vtt-${lang}`}>{t("video.captions.file")}</label>
              <input id={`vtt-${lang}`} name="file" type="file" accept=".vtt,text/vtt" required />
            </div>
            <button type="submit" className="button secondary">
              {t("video.captions.save")}
            </button>
          </Form>
        ))}
      </section>

      <section aria-labelledby="details-heading">
        <h2 id="details-heading">{t("video.transcript.heading")}</h2>
        {a?.intent === "details" ? (
          <p className={`alert ${a.ok ? "alert-success" : "alert-error"}`} role="status">
            {a.ok ? t("video.details.saved") : t("video.upload.problem.title")}
          </p>
        ) : null}
        <Form method="post" className="card">
          <input type="hidden" name="intent" value="details" />
          <div className="field">
            <label htmlFor="d-title">{t("video.upload.titleJa")}</label>
            <input id="d-title" name="titleJa" defaultValue={video.titleJa} required maxLength={200} />
          </div>
          <div className="field">
            <label htmlFor="d-title-en">{t("video.upload.titleEn")}</label>
            <input id="d-title-en" name="titleEn" defaultValue={video.titleEn} maxLength={200} lang="en" />
          </div>
          <div className="field">
            <label htmlFor="d-tr-ja">{t("video.transcript.ja")}</label>
            <textarea id="d-tr-ja" name="transcriptJa" rows={6} defaultValue={video.transcriptJa} />
          </div>
          <div className="field">
            <label htmlFor="d-tr-en">{t("video.transcript.en")}</label>
            <textarea id="d-tr-en" name="transcriptEn" rows={6} defaultValue={video.transcriptEn} lang="en" />
          </div>
          <button type="submit" className="button secondary">
            {t("video.details.save")}
          </button>
        </Form>
      </section>

      {player ? (
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading">{t("video.preview")}</h2>
          <LecturePlayer video={player} />
        </section>
      ) : null}
    </div>
  );
}
