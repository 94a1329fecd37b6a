// The components authors use in module MDX. The page renders one <Section> at a time.
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { createContext, useContext, useId, type ReactNode } from "react";
import { useLocale, useT } from "~/i18n/react";
import { LecturePlayer, type PlayerVideo } from "~/video/player";

export interface ModuleRenderContext {
  currentSection: string;
  reflections: Record<string, string>;
  canSaveReflections: boolean;
  /** Uploaded lectures placed in the module, by the name used in <Video video="…" /> (null: not available). */
  videos?: Record<string, PlayerVideo | null>;
}
export const ModuleContext = createContext<ModuleRenderContext>({ currentSection: "", reflections: {}, canSaveReflections: false });

function Section({ id, children }: { id: string; children?: ReactNode }) {
  const { currentSection } = useContext(ModuleContext);
  if (id !== currentSection) return null;
  // Module bodies are written in Japanese; the interface around them may be in English.
  return (
    <div className="module-section" lang="ja">
      {children}
    </div>
  );
}

function CaseStudy({ title, children }: { title?: string; children?: ReactNode }) {
  const t = useT();
  const locale = useLocale();
  const headingId = useId();
  return (
    <aside className="case-study" aria-labelledby={headingId}>
      <p id={headingId} className="case-study-title">
        <span className="case-study-label" lang={locale}>
          {t("training.caseStudy")}
        </span>{" "}
        {title}
      </p>
      {children}
    </aside>
  );
}

function KeyPoint({ children }: { children?: ReactNode }) {
  const t = useT();
  const locale = useLocale();
  return (
    <aside className="key-point" aria-label={t("training.keyPoint")}>
      <p className="key-point-label" lang={locale}>
        {t("training.keyPoint")}
      </p>
      {children}
    </aside>
  );
}

function Reflection({ id, prompt }: { id: string; prompt: string }) {
  const t = useT();
  const locale = useLocale();
  const { reflections, canSaveReflections } = useContext(ModuleContext);
  const actionData = useActionData<{ intent?: string; reflectionId?: string; ok?: boolean }>();
  const navigation = useNavigation();
  const saving = navigation.state !== "idle" && navigation.formData?.get("reflectionId") === id;
  const saved = actionData?.intent === "reflection" && actionData.reflectionId === id && actionData.ok;
  const fieldId = `reflection-${id}`;
  return (
    <Form method="post" className="reflection" preventScrollReset>
      <input type="hidden" name="intent" value="reflection" />
      <input type="hidden" name="reflectionId" value={id} />
      <label htmlFor={fieldId} className="reflection-label">
        <span className="reflection-tag" lang={locale}>
          {t("training.reflection")}
        </span>{" "}
        {prompt}
      </label>
      <p className="hint" id={`${fieldId}-hint`} lang={locale}>
        {t("training.reflection.private")}
      </p>
      <textarea
        id={fieldId}
        name="text"
        defaultValue={reflections[id] ?? ""}
        maxLength={4000}
        aria-describedby={`${fieldId}-hint`}
        readOnly={!canSaveReflections}
      />
      {canSaveReflections ? (
        <div className="button-row" lang={locale}>
          <button type="submit" className="button secondary" disabled={saving}>
            {t("training.reflection.save")}
          </button>
          <p role="status" className="reflection-status">
            {saved ? t("common.saved") : ""}
          </p>
        </div>
      ) : null}
    </Form>
  );
}

function Video({
  src,
  captions,
  transcript,
  title,
  video,
}: {
  src?: string;
  captions?: string;
  transcript?: string;
  title?: string;
  video?: string;
}) {
  const t = useT();
  const locale = useLocale();
  const { videos } = useContext(ModuleContext);
  if (video !== undefined) {
    const data = videos?.[video];
    return data ? <LecturePlayer video={data} /> : <p className="muted">{t("video.player.unavailable")}</p>;
  }
  return (
    <figure className="module-video">
      {/* Captions are required by the content schema. */}
      <video controls preload="none" src={src} aria-label={title ?? t("training.video")}>
        <track kind="captions" src={captions} srcLang="ja" label="日本語" default />
      </video>
      <details>
        <summary lang={locale}>{t("training.transcript")}</summary>
        <p className="transcript">{transcript}</p>
      </details>
    </figure>
  );
}

export const MDX_COMPONENTS = { Section, CaseStudy, KeyPoint, Reflection, Video };
