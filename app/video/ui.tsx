// Small shared pieces of the video pages.
import { useT } from "~/i18n/react";

export function VideoStatus({ status, progress }: { status: string; progress: number }) {
  const t = useT();
  const cls = status === "ready" ? "badge badge-ok" : status === "failed" ? "badge badge-ng" : "badge";
  return (
    <span className={cls} data-status={status}>
      {status === "processing" ? t("video.status.processing", { percent: progress }) : t(`video.status.${status}` as "video.status.ready")}
    </span>
  );
}

export function duration(seconds: number | null | undefined): string {
  if (!seconds) return "—";
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}
