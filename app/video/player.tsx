// The lecture player: the browser's own <video> controls (keyboard operable, with captions and
// fullscreen), HLS through hls.js where Media Source Extensions exist and natively elsewhere (Safari),
// captions on by default, a speed choice, and honest watch reports: the intervals actually played,
// sent every ~10 s and on pause or leave (navigator.sendBeacon). See docs/decisions/024.
import { useEffect, useRef, useState } from "react";
import { useLocale, useT } from "~/i18n/react";
import { inLocale } from "~/i18n";

export interface PlayerVideo {
  id: number;
  slug: string;
  titleJa: string;
  titleEn: string;
  duration: number;
  hasEnglish: boolean;
  transcriptJa: string;
  transcriptEn: string;
  position: number;
  percent: number;
  watched: boolean;
}

const SPEEDS = [0.75, 1, 1.25, 1.5, 2];
const REPORT_MS = 10_000;

function clock(seconds: number) {
  const s = Math.floor(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

export function LecturePlayer({ video }: { video: PlayerVideo }) {
  const t = useT();
  const locale = useLocale();
  const ref = useRef<HTMLVideoElement>(null);
  const [speed, setSpeed] = useState(1);
  const [captionsOn, setCaptionsOn] = useState(true);
  const [percent, setPercent] = useState(video.percent);
  const [watched, setWatched] = useState(video.watched);
  const title = locale === "en" ? video.titleEn : video.titleJa;
  const base = `/media/videos/${video.id}`;

  // Attach the stream.
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let destroy: (() => void) | undefined;
    let cancelled = false;
    const src = `${base}/master.m3u8`;
    const resume = () => {
      if (video.position > 1 && video.position < video.duration - 3) el.currentTime = video.position;
    };
    el.addEventListener("loadedmetadata", resume, { once: true });
    void import("hls.js").then(({ default: Hls }) => {
      if (cancelled) return;
      if (Hls.isSupported()) {
        const hls = new Hls({ startPosition: video.position > 1 && video.position < video.duration - 3 ? video.position : -1 });
        hls.loadSource(src);
        hls.attachMedia(el);
        destroy = () => hls.destroy();
      } else if (el.canPlayType("application/vnd.apple.mpegurl")) {
        el.src = src;
      }
    });
    return () => {
      cancelled = true;
      el.removeEventListener("loadedmetadata", resume);
      destroy?.();
    };
  }, [base, video.position, video.duration]);

  // Watch reports.
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const url = `/videos/${video.id}/progress`;
    let pending: [number, number][] = [];
    let current: [number, number] | null = null;
    let last = -1;
    const close = () => {
      if (current && current[1] > current[0]) pending.push(current);
      current = null;
    };
    const onTime = () => {
      const now = el.currentTime;
      if (el.paused || el.seeking) {
        last = now;
        return;
      }
      const continuous = last >= 0 && now >= last && now - last < 2 * Math.max(1, el.playbackRate);
      if (current && continuous) current[1] = now;
      else {
        close();
        // Playing on from where it was paused or sought to: the stretch since then was played too.
        current = [continuous ? last : now, now];
      }
      last = now;
    };
    const body = () => {
      const intervals = current && current[1] > current[0] ? [...pending, [current[0], current[1]]] : [...pending];
      if (current) current = [current[1], current[1]];
      pending = [];
      return JSON.stringify({ intervals, position: el.currentTime });
    };
    const send = (beacon: boolean) => {
      const payload = body();
      if (beacon && navigator.sendBeacon) {
        navigator.sendBeacon(url, new Blob([payload], { type: "text/plain" }));
        return;
      }
      void fetch(url, { method: "POST", body: payload, headers: { "Content-Type": "application/json" }, keepalive: true })
        .then((r) => (r.ok ? r.json() : null))
        .then((r: { percent?: number; watched?: boolean } | null) => {
          if (r && typeof r.percent === "number") {
            setPercent(r.percent);
            setWatched(!!r.watched);
          }
        })
        .catch(() => undefined);
    };
    const onPause = () => {
      // The last stretch up to where playback stopped (timeupdate fires only every ~250 ms).
      if (current && el.currentTime >= current[1] && el.currentTime - current[1] < 2 * Math.max(1, el.playbackRate))
        current[1] = el.currentTime;
      close();
      send(false);
    };
    const onSeeking = () => close();
    const onHide = () => {
      if (document.visibilityState === "hidden") {
        close();
        send(true);
      }
    };
    const onLeave = () => {
      close();
      send(true);
    };
    const timer = setInterval(() => {
      if (!el.paused) send(false);
    }, REPORT_MS);
    el.addEventListener("timeupdate", onTime);
    el.addEventListener("pause", onPause);
    el.addEventListener("ended", onPause);
    el.addEventListener("seeking", onSeeking);
    document.addEventListener("visibilitychange", onHide);
    window.addEventListener("pagehide", onLeave);
    return () => {
      clearInterval(timer);
      el.removeEventListener("timeupdate", onTime);
      el.removeEventListener("pause", onPause);
      el.removeEventListener("ended", onPause);
      el.removeEventListener("seeking", onSeeking);
      document.removeEventListener("visibilitychange", onHide);
      window.removeEventListener("pagehide", onLeave);
      // Leaving the page inside the app (client navigation): report what was played.
      close();
      if (pending.length) send(true);
    };
  }, [video.id]);

  useEffect(() => {
    if (ref.current) ref.current.playbackRate = speed;
  }, [speed]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const apply = () => {
      for (const track of Array.from(el.textTracks)) {
        const wanted = track.language === (locale === "en" && video.hasEnglish ? "en" : "ja");
        track.mode = captionsOn && wanted ? "showing" : "disabled";
      }
    };
    apply();
    el.textTracks.addEventListener("addtrack", apply);
    return () => el.textTracks.removeEventListener("addtrack", apply);
  }, [captionsOn, locale, video.hasEnglish]);

  const onKey = (e: React.KeyboardEvent) => {
    const el = ref.current;
    if (!el || e.target !== el) return;
    if (e.key === "c" || e.key === "C") {
      setCaptionsOn((v) => !v);
      e.preventDefault();
    }
  };

  const transcript = inLocale(locale, video.transcriptJa, video.transcriptEn);
  return (
    <figure className="lecture-player" data-video={video.slug}>
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- "c" toggles captions; the video's own controls handle the rest */}
      <div className="lecture-frame" onKeyDown={onKey} role="group" aria-label={t("video.player.label", { title })}>
        <video ref={ref} controls playsInline preload="metadata" poster={`${base}/poster.jpg`}>
          <track kind="captions" src={`${base}/captions/ja.vtt`} srcLang="ja" label="日本語" default />
          {video.hasEnglish ? <track kind="captions" src={`${base}/captions/en.vtt`} srcLang="en" label="English" /> : null}
        </video>
      </div>
      <figcaption className="lecture-bar">
        <span className="lecture-title">{title}</span>
        <label className="lecture-speed">
          {t("video.player.speed")}{" "}
          <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button secondary" aria-pressed={captionsOn} onClick={() => setCaptionsOn((v) => !v)}>
          {t("video.player.captions")}: {captionsOn ? t("video.player.captionsOn") : t("video.player.captionsOff")}
        </button>
        <span role="status" className={watched ? "lecture-watched" : "muted"} data-testid="watch-status">
          {watched ? t("video.player.watched", { percent }) : t("video.player.progress", { percent })}
        </span>
      </figcaption>
      {video.position > 1 && !watched ? <p className="muted small">{t("video.player.resume", { time: clock(video.position) })}</p> : null}
      <noscript>
        <p>{t("video.player.noscript")}</p>
      </noscript>
      <details className="lecture-transcript" open>
        <summary>{t("video.transcript")}</summary>
        <div lang={locale === "en" && video.transcriptEn ? "en" : "ja"} className="transcript">
          {transcript.split("\n").map((line, i) => (
            <p key={i}>{line}</p>
          ))}
        </div>
      </details>
    </figure>
  );
}
