// The learning-goal picker: every goal as a checkbox, grouped by pillar, with a filter by code or words once the page
// runs JavaScript (without it, the whole list is there to tick). Chosen goals stay in view whatever the filter.
import { useId, useState } from "react";
import { ErrorList } from "~/components/forms";
import { useT } from "~/i18n/react";
import { useHydrated } from "~/lib/use-hydrated";
import type { Message } from "~/lib/forms";
import type { GoalOption } from "./content.server";
import { PILLARS } from "./constants";

const normalise = (s: string) => s.normalize("NFKC").toLowerCase().trim();

export function GoalPicker({
  goals,
  name,
  chosen,
  legend,
  hint,
  errors,
}: {
  goals: GoalOption[];
  name: string;
  chosen: readonly string[];
  legend: string;
  hint?: string;
  errors?: Message[];
}) {
  const t = useT();
  const id = useId();
  const hydrated = useHydrated();
  const [query, setQuery] = useState("");
  const [picked, setPicked] = useState(() => new Set(chosen));
  const q = normalise(query);
  const matches = (g: GoalOption) => !q || normalise(g.code).includes(q) || normalise(g.text).includes(q);
  const shown = (g: GoalOption) => matches(g) || picked.has(g.code);
  const shownCount = goals.filter(shown).length;
  const toggle = (code: string, on: boolean) =>
    setPicked((prev) => {
      const next = new Set(prev);
      if (on) next.add(code);
      else next.delete(code);
      return next;
    });
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className="field goal-picker" aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <ErrorList id={`${id}-error`} errors={errors} />
      {hydrated ? (
        <div className="goal-search">
          <label htmlFor={`${id}-q`}>{t("forms.goals.search")}</label>
          <input id={`${id}-q`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
          <p className="hint" aria-live="polite">
            {q && goals.every((g) => !matches(g))
              ? t("forms.goals.none", { query })
              : t("forms.goals.count", { shown: shownCount, total: goals.length, chosen: picked.size })}
          </p>
        </div>
      ) : null}
      {PILLARS.map((p) => {
        const list = goals.filter((g) => g.pillar === p);
        if (!list.length) return null;
        return (
          <div key={p} className="goal-group" hidden={list.every((g) => !shown(g))}>
            <p className="goal-group-title">{t(`training.pillar.${p}`)}</p>
            {list.map((g) => (
              <label key={g.code} className="check goal-option" hidden={!shown(g)}>
                <input
                  type="checkbox"
                  name={name}
                  value={g.code}
                  defaultChecked={chosen.includes(g.code)}
                  onChange={(e) => toggle(g.code, e.target.checked)}
                />
                <span>
                  <span className="goal-code">{g.code}</span> <span className="goal-level">{t(`training.level.${g.level}`)}</span> {g.text}
                </span>
              </label>
            ))}
          </div>
        );
      })}
    </fieldset>
  );
}
