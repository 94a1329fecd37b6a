import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getMDXComponent } from "mdx-bundler/client/index.js";
import { randomUUID } from "node:crypto";
import { useEffect, useMemo, useRef } from "react";
import { notFound, requireCapability } from "~/auth/permissions.server";
import { resolveLocale } from "~/i18n/i18n.server";
import { useLocale, useT } from "~/i18n/react";
import { findModule, moduleCode, pick } from "~/training/content.server";
import { answersFromForm, feedbackOf, grade, moduleStatus, unanswered } from "~/training/grading";
import { MDX_COMPONENTS, ModuleContext } from "~/training/mdx-components";
import {
  attemptsFor,
  CHECK_STEP,
  checkForNextAttempt,
  getProgress,
  isTrainee,
  reflectionsFor,
  saveReflection,
  submitCheck,
  advanceStep,
} from "~/training/training.server";
import { StatusBadge } from "~/training/ui";
import type { PlayerVideo } from "~/video/player";
import { playerData } from "~/video/video.server";
import { dataMeta } from "~/lib/meta";
import type { SerializeFrom } from "@remix-run/node";
import { intentResult } from "~/lib/action-result.server";
import { JaText } from "~/components/ja-text";

type Data = SerializeFrom<typeof loader>;
export const meta = dataMeta<Data>((_t, d) => d.title);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireCapability(request, "takeTraining");
  const m = findModule(params.slug ?? "");
  if (!m) throw notFound();
  const locale = resolveLocale(request, user);
  const trainee = isTrainee(user);
  const url = new URL(request.url);
  const sectionIds = m.frontmatter.sections.map((s) => s.id);
  const asked = url.searchParams.get("view") === CHECK_STEP ? CHECK_STEP : url.searchParams.get("section");
  if (asked !== null && asked !== CHECK_STEP && !sectionIds.includes(asked)) throw redirect(`/training/modules/${m.slug}`);
  const progress = trainee ? await getProgress(user.id, m.slug) : null;
  const saved =
    progress?.currentSection && (progress.currentSection === CHECK_STEP || sectionIds.includes(progress.currentSection))
      ? progress.currentSection
      : null;
  const step = asked ?? saved ?? sectionIds[0];
  const [attempts, reflections] = trainee ? await Promise.all([attemptsFor(user.id, m.slug), reflectionsFor(user.id, m.slug)]) : [[], {}];
  const videoRefs = m.videos ?? [];
  const videos = Object.fromEntries(await Promise.all(videoRefs.map(async (ref) => [ref, await playerData(user, ref)] as const)));
  const videosWatched = videoRefs.every((ref) => videos[ref]?.watched);
  const status = progress?.completedAt ? "complete" : moduleStatus(sectionIds, progress, attempts, videosWatched);
  return {
    slug: m.slug,
    title: pick(m.frontmatter.title, locale),
    summary: pick(m.frontmatter.summary, locale),
    minutes: m.frontmatter.minutes,
    sections: m.frontmatter.sections.map((s) => ({
      id: s.id,
      title: pick(s.title, locale),
      reached: !!progress?.sectionsReached.includes(s.id),
    })),
    step,
    resumed: asked === null && saved !== null,
    code: step === CHECK_STEP ? null : moduleCode(m),
    check: step === CHECK_STEP ? await checkForNextAttempt(trainee ? user.id : null, m, locale) : null,
    nonce: randomUUID(),
    reflections,
    trainee,
    status,
    attempts: attempts.length,
    lastAttempt: attempts[0] ? { score: attempts[0].score, passed: attempts[0].passed } : null,
    passed: attempts.some((a) => a.passed),
    videos,
    videosPending: !videosWatched,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCapability(request, "takeTraining");
  const m = findModule(params.slug ?? "");
  if (!m) throw notFound();
  const locale = resolveLocale(request, user);
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "advance") {
    // The pager's "next": the section left counts as read; the next step is where the trainee resumes.
    const from = String(form.get("from") ?? "");
    const to = String(form.get("to") ?? "");
    const target = to === CHECK_STEP ? "?view=check" : `?section=${encodeURIComponent(to)}`;
    if (isTrainee(user) && !(await advanceStep(user.id, m, from, to))) return intentResult(intent, { ok: false as const }, 400);
    return redirect(`/training/modules/${m.slug}${target}`);
  }
  if (intent === "reflection") {
    const reflectionId = String(form.get("reflectionId") ?? "");
    const text = String(form.get("text") ?? "").slice(0, 4000);
    if (!isTrainee(user) || !m.reflections.includes(reflectionId)) return intentResult(intent, { reflectionId, ok: false as const }, 400);
    await saveReflection(user.id, m, reflectionId, text);
    return intentResult(intent, { reflectionId, ok: true as const });
  }
  if (intent === "check") {
    const nonce = String(form.get("nonce") ?? "").slice(0, 100);
    const answers = answersFromForm(m.frontmatter.check, form);
    const questionIds = m.frontmatter.check.questions.map((q) => q.id);
    const outcome = isTrainee(user)
      ? await submitCheck(user.id, m, answers, nonce || randomUUID())
      : unanswered(m.frontmatter.check, answers).length
        ? { ok: false as const, unanswered: unanswered(m.frontmatter.check, answers) }
        : { ok: true as const, grade: grade(m.frontmatter.check, answers) };
    if (!outcome.ok)
      // Blank or partial: refused and not recorded; the questions are named by their numbers.
      return intentResult(
        intent,
        { ok: false as const, unanswered: outcome.unanswered.map((id) => questionIds.indexOf(id) + 1), chosen: answers },
        400,
      );
    const result = outcome.grade;
    return intentResult(intent, {
      ok: true as const,
      score: result.score,
      correctCount: result.correctCount,
      total: result.total,
      passed: result.passed,
      passMark: result.passMark,
      // Which questions were right or wrong and the explanation of the concepts; never the correct choices.
      questions: feedbackOf(result).map((r) => {
        const q = m.frontmatter.check.questions.find((x) => x.id === r.id)!;
        return { ...r, explanation: pick(q.explanation, locale) };
      }),
    });
  }
  return data({ intent: null, ok: false as const }, { status: 400 });
}

// One component per compiled bundle, made once and kept (the bundle is immutable: its name carries its hash).
const bundleComponents = new Map<string, ReturnType<typeof getMDXComponent>>();
function bundleComponent(code: string) {
  let component = bundleComponents.get(code);
  if (!component) {
    component = getMDXComponent(code);
    if (bundleComponents.size > 50) bundleComponents.clear();
    bundleComponents.set(code, component);
  }
  return component;
}

function Body({
  code,
  section,
  reflections,
  canSave,
  videos,
}: {
  code: string;
  section: string;
  reflections: Record<string, string>;
  canSave: boolean;
  videos: Record<string, PlayerVideo | null>;
}) {
  const Component = useMemo(() => bundleComponent(code), [code]);
  return (
    <ModuleContext.Provider value={{ currentSection: section, reflections, canSaveReflections: canSave, videos }}>
      {/* eslint-disable-next-line react-hooks/static-components -- one cached component per immutable bundle (bundleComponent), not a new one per render */}
      <Component components={MDX_COMPONENTS} />
    </ModuleContext.Provider>
  );
}

export default function ModulePage() {
  const t = useT();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const result = actionData && "questions" in actionData ? actionData : null;
  const refusal = actionData && "unanswered" in actionData ? actionData : null;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [d.step]);
  const index = d.sections.findIndex((s) => s.id === d.step);
  const isCheck = d.step === "check";
  const current = d.sections[index];
  const prev = isCheck ? d.sections[d.sections.length - 1] : d.sections[index - 1];
  const next = d.sections[index + 1];
  const base = `/training/modules/${d.slug}`;
  return (
    <div className="page module-page">
      <p>
        <Link to="/training">{t("training.backToCatalogue")}</Link>
      </p>
      <h1>
        <JaText>{d.title}</JaText>
      </h1>
      <p className="muted">
        {t("training.minutes", { minutes: d.minutes })} · <StatusBadge status={d.status} />
      </p>
      {!d.trainee ? <p className="alert alert-info">{t("training.preview")}</p> : null}
      {d.resumed ? (
        <p className="alert alert-info" role="status">
          {t("training.resumed")}
        </p>
      ) : null}
      {d.trainee && d.videosPending && d.status !== "complete" ? <p className="alert alert-info">{t("video.module.needsVideos")}</p> : null}
      {d.status === "complete" ? (
        <div className="alert alert-success" role="status">
          <p>{t("training.complete")}</p>
        </div>
      ) : null}
      <div className="module-layout">
        <nav aria-label={t("training.sections")} className="module-toc">
          <ol>
            {d.sections.map((s, i) => (
              <li key={s.id}>
                <Link to={`${base}?section=${s.id}`} aria-current={s.id === d.step ? "step" : undefined} preventScrollReset={false}>
                  {i + 1}. <JaText>{s.title}</JaText>
                </Link>{" "}
                {s.reached ? <span className="reached">{t("training.toc.reached")}</span> : null}
              </li>
            ))}
            <li>
              <Link to={`${base}?view=check`} aria-current={isCheck ? "step" : undefined}>
                {t("training.check")}
              </Link>{" "}
              {d.passed ? <span className="reached">{t("training.toc.passed")}</span> : null}
            </li>
          </ol>
        </nav>
        <div className="module-main">
          {!isCheck && current ? (
            <article aria-labelledby="section-title">
              <p className="muted">{t("training.sectionOf", { n: index + 1, total: d.sections.length })}</p>
              <h2 id="section-title" ref={headingRef} tabIndex={-1}>
                <JaText>{current.title}</JaText>
              </h2>
              {d.code && locale === "en" ? <p className="alert alert-info">{t("training.bodyInJapanese")}</p> : null}
              {/* The modules' text is written in Japanese: marked so, a screen reader reads it in Japanese in the English UI. */}
              <div lang="ja">
                {d.code ? <Body code={d.code} section={d.step} reflections={d.reflections} canSave={d.trainee} videos={d.videos} /> : null}
              </div>
            </article>
          ) : null}
          {isCheck && d.check ? (
            <section aria-labelledby="section-title">
              <h2 id="section-title" ref={headingRef} tabIndex={-1}>
                {t("training.check")}
              </h2>
              <p>{t("training.check.intro", { count: d.check.questions.length, mark: Math.round(d.check.passMark * 100) })}</p>
              {d.lastAttempt && !result ? (
                <p className="muted">{t("training.check.last", { score: Math.round(d.lastAttempt.score * 100), attempts: d.attempts })}</p>
              ) : null}
              {refusal ? (
                <div className="alert alert-error" role="alert">
                  <p>{t("trust.check.unanswered", { questions: refusal.unanswered.join(", ") })}</p>
                </div>
              ) : null}
              {result ? (
                <div className={`alert ${result.passed ? "alert-success" : "alert-error"}`} role="alert">
                  <p>
                    {result.passed ? t("training.check.passed") : t("training.check.failed")}{" "}
                    {t("training.check.score", {
                      correct: result.correctCount,
                      total: result.total,
                      score: Math.round(result.score * 100),
                    })}
                  </p>
                </div>
              ) : null}
              <Form method="post" key={d.nonce} className="check-form">
                <input type="hidden" name="intent" value="check" />
                <input type="hidden" name="nonce" value={d.nonce} />
                {d.check.questions.map((q, qi) => {
                  const feedback = result?.questions.find((r) => r.id === q.id);
                  const missing = refusal?.unanswered.includes(qi + 1);
                  const chosen = feedback?.chosen ?? refusal?.chosen[q.id];
                  return (
                    <fieldset
                      key={q.id}
                      className={`question${missing ? " question-missing" : ""}`}
                      aria-describedby={feedback ? `fb-${q.id}` : missing ? `missing-${q.id}` : undefined}
                    >
                      <legend>
                        {t("training.check.question", { n: qi + 1 })} {q.prompt}
                        {q.multiple ? <span className="hint"> {t("training.check.multiple")}</span> : null}
                      </legend>
                      {q.choices.map((c) => (
                        <label key={c.id} className="check">
                          <input
                            type={q.multiple ? "checkbox" : "radio"}
                            name={`q.${q.id}`}
                            value={c.id}
                            defaultChecked={chosen?.includes(c.id)}
                          />
                          {c.text}
                        </label>
                      ))}
                      {missing ? (
                        <p id={`missing-${q.id}`} className="error-list">
                          {t("trust.check.missing")}
                        </p>
                      ) : null}
                      {feedback ? (
                        <div id={`fb-${q.id}`} className={`feedback ${feedback.correct ? "feedback-ok" : "feedback-ng"}`}>
                          <p>
                            <strong>{feedback.correct ? t("training.check.right") : t("training.check.wrong")}</strong>
                          </p>
                          <p>{feedback.explanation}</p>
                        </div>
                      ) : null}
                    </fieldset>
                  );
                })}
                <button type="submit" className="button" disabled={navigation.state === "submitting"}>
                  {result ? t("training.check.resubmit") : t("training.check.submit")}
                </button>
              </Form>
            </section>
          ) : null}
          <nav aria-label={t("training.pager")} className="pager">
            {prev ? (
              <Link className="button secondary" to={`${base}?section=${prev.id}`}>
                {t("training.previous")}
              </Link>
            ) : (
              <span />
            )}
            {!isCheck ? (
              <Form method="post" preventScrollReset={false}>
                <input type="hidden" name="intent" value="advance" />
                <input type="hidden" name="from" value={d.step} />
                <input type="hidden" name="to" value={next ? next.id : "check"} />
                <button type="submit" className="button">
                  {next ? t("training.next") : t("training.toCheck")}
                </button>
              </Form>
            ) : null}
          </nav>
        </div>
      </div>
    </div>
  );
}
