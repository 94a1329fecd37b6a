// The committee's resumable upload form (tus-js-client): progress bar, pause/resume, and resuming
// after a dropped connection or a reload (the upload URL is remembered in localStorage by its fingerprint).
import { useRef, useState } from "react";
import { useRevalidator } from "@remix-run/react";
import { useT } from "~/i18n/react";

export function VideoUploader({ endpoint }: { endpoint: string }) {
  const t = useT();
  const revalidator = useRevalidator();
  const [percent, setPercent] = useState<number | null>(null);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [paused, setPaused] = useState(false);
  const upload = useRef<import("tus-js-client").Upload | null>(null);

  async function start(form: HTMLFormElement) {
    const data = new FormData(form);
    const file = data.get("file");
    if (!(file instanceof File) || !file.size) {
      setMessage({ kind: "error", text: t("video.upload.noFile") });
      return;
    }
    setMessage(null);
    setPercent(0);
    const { Upload } = await import("tus-js-client");
    const u = new Upload(file, {
      endpoint,
      chunkSize: 8 * 1024 * 1024,
      retryDelays: [0, 1000, 3000, 5000, 10000],
      removeFingerprintOnSuccess: true,
      metadata: {
        filename: file.name,
        filetype: file.type,
        title: String(data.get("titleJa") ?? ""),
        titleEn: String(data.get("titleEn") ?? ""),
        slug: String(data.get("slug") ?? ""),
      },
      onProgress: (sent, total) => setPercent(Math.floor((sent / total) * 100)),
      onError: (error) => {
        const body = (error as { originalResponse?: { getBody(): string } }).originalResponse?.getBody();
        setMessage({ kind: "error", text: t("video.upload.failed", { reason: body || error.message }) });
        setPercent(null);
        upload.current = null;
      },
      onSuccess: () => {
        setMessage({ kind: "ok", text: t("video.upload.done") });
        setPercent(null);
        upload.current = null;
        form.reset();
        revalidator.revalidate();
      },
    });
    upload.current = u;
    const previous = await u.findPreviousUploads();
    if (previous.length) u.resumeFromPreviousUpload(previous[0]);
    u.start();
  }

  return (
    <form
      className="card video-upload"
      aria-labelledby="upload-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void start(e.currentTarget);
      }}
    >
      <h2 id="upload-heading">{t("video.upload.heading")}</h2>
      <div className="field">
        <label htmlFor="upload-file">{t("video.upload.file")}</label>
        <input id="upload-file" name="file" type="file" accept="video/mp4,video/quicktime,.mp4,.mov,.m4v" required />
      </div>
      <div className="field">
        <label htmlFor="upload-title">{t("video.upload.titleJa")}</label>
        <input id="upload-title" name="titleJa" required maxLength={200} />
      </div>
      <div className="field">
        <label htmlFor="upload-title-en">{t("video.upload.titleEn")}</label>
        <input id="upload-title-en" name="titleEn" maxLength={200} lang="en" />
      </div>
      <div className="field">
        <label htmlFor="upload-slug">{t("video.upload.slug")}</label>
        <input id="upload-slug" name="slug" pattern="[a-z0-9][a-z0-9\-]{1,60}" maxLength={61} />
      </div>
      <div className="button-row">
        <button type="submit" className="button" disabled={percent !== null}>
          {t("video.upload.start")}
        </button>
        {percent !== null ? (
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              if (!upload.current) return;
              if (paused) upload.current.start();
              else void upload.current.abort();
              setPaused(!paused);
            }}
          >
            {paused ? t("video.upload.resume") : t("video.upload.pause")}
          </button>
        ) : null}
      </div>
      {percent !== null ? (
        <div>
          <label htmlFor="upload-progress">{t("video.upload.progress", { percent })}</label>
          <progress id="upload-progress" max={100} value={percent} />
        </div>
      ) : null}
      <p
        role="status"
        aria-live="polite"
        className={message ? `alert ${message.kind === "ok" ? "alert-success" : "alert-error"}` : undefined}
        data-testid="upload-message"
      >
        {message?.text ?? ""}
      </p>
    </form>
  );
}
