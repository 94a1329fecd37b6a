// A topic the agenda proposal suggests (meetings.$meetingId), with its "add" button.
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "~/i18n/react";

/** A checklist item the agenda proposal suggests, with its figures and an "add" button (or "on the agenda"). */
export function ProposedTopic({
  kind,
  code,
  text,
  added,
  children,
}: {
  kind: "WEAK" | "GOOD_PRACTICE";
  code: string;
  text: string;
  added: boolean;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <li>
      <Form method="post" className="inline-form">
        <input type="hidden" name="intent" value="addTopic" />
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="itemCode" value={code} />
        <input type="hidden" name="title" value={`${code} ${text}`.slice(0, 120)} />
        <span>
          <strong>{code}</strong> {text} — {children}
        </span>
        {added ? (
          <span className="badge">{t("agenda.onAgenda")}</span>
        ) : (
          <button type="submit" className="button small secondary">
            {t("cycle.meetings.addTopic")}
          </button>
        )}
      </Form>
    </li>
  );
}
