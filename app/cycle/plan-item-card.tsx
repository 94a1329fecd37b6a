// One action-plan item: what it is, its linked checklist items (and how they moved), its progress
// updates and the subcommittee's comments. The page passes the forms it allows as children.
import { inLocale } from "~/i18n";
import type { ReactNode } from "react";
import { useFormat, useLocale, useT } from "~/i18n/react";
import type { PlanView } from "./action-plan.server";
import { JaText, useLangFor } from "~/components/ja-text";

type Item = PlanView["items"][number];

export function PlanItemCard({
  item,
  index,
  itemText,
  afterYear,
  children,
}: {
  item: Item;
  index: number;
  itemText: Record<string, { textJa: string; textEn: string }>;
  afterYear: number | null;
  children?: ReactNode;
}) {
  const t = useT();
  const format = useFormat();
  const locale = useLocale();
  const langFor = useLangFor();
  const headingId = `plan-item-${item.id}`;
  return (
    <section className="card plan-item" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t("cycle.plan.itemHeading", { n: index + 1 })}{" "}
        <span className={`badge status-${item.status}`}>{t(`cycle.itemStatus.${item.status}`)}</span>
      </h3>
      <dl className="plan-item-fields">
        <dt>{t("cycle.plan.field.itemCodes")}</dt>
        <dd>
          <ul className="plain-list">
            {item.movement.map((m) => {
              const text = itemText[m.code];
              return (
                <li key={m.code}>
                  <strong>{m.code}</strong> <JaText>{text ? inLocale(locale, text.textJa, text.textEn) : ""}</JaText>
                  {afterYear !== null ? (
                    <span className="movement">
                      {" "}
                      {t("cycle.plan.movement", { before: m.before ?? "—", after: m.after ?? "—", year: format.fiscalYear(afterYear) })}
                    </span>
                  ) : m.before !== null ? (
                    <span className="muted"> {t("cycle.plan.ratingBefore", { rating: m.before })}</span>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </dd>
        <dt>{t("cycle.plan.field.issue")}</dt>
        <dd className="prewrap" lang={langFor(item.issue)}>
          {item.issue}
        </dd>
        <dt>{t("cycle.plan.field.goal")}</dt>
        <dd className="prewrap" lang={langFor(item.goal)}>
          {item.goal}
        </dd>
        <dt>{t("cycle.plan.field.actions")}</dt>
        <dd className="prewrap" lang={langFor(item.actions)}>
          {item.actions}
        </dd>
        <dt>{t("cycle.plan.field.owner")}</dt>
        <dd lang={langFor(item.owner)}>{item.owner || "—"}</dd>
        {item.trainingLink ? (
          <>
            <dt>{t("officeTraining.plan.training")}</dt>
            <dd>
              <a href={item.trainingLink.to}>
                <JaText>{locale === "en" ? item.trainingLink.titleEn : item.trainingLink.titleJa}</JaText>
              </a>
            </dd>
          </>
        ) : null}
        <dt>{t("cycle.plan.field.period")}</dt>
        <dd>
          {item.startDate ? format.date(item.startDate) : "—"} – {item.dueDate ? format.date(item.dueDate) : "—"}
        </dd>
      </dl>
      <h4>{t("cycle.plan.updates")}</h4>
      {item.updates.length ? (
        <ul className="plain-list plan-updates">
          {item.updates.map((u) => (
            <li key={u.id}>
              <strong>{format.date(u.date)}</strong>
              {u.status ? ` [${t(`cycle.itemStatus.${u.status}`)}]` : ""} <JaText className="prewrap">{u.note}</JaText>
              {u.evidence ? (
                <span className="muted">
                  {" "}
                  ({t("cycle.plan.field.evidence")}: <JaText>{u.evidence}</JaText>)
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("cycle.plan.noUpdates")}</p>
      )}
      <h4>{t("cycle.plan.comments")}</h4>
      {item.comments.length ? (
        <ul className="plain-list plan-comments">
          {item.comments.map((c) => (
            <li key={c.id}>
              <JaText className="prewrap">{c.text}</JaText>{" "}
              <span className="muted">
                — <JaText>{c.author}</JaText> ({format.date(c.createdAt)})
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("cycle.plan.noComments")}</p>
      )}
      {children}
    </section>
  );
}
