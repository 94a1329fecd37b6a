// The fields a sharing meeting is scheduled with (/meetings) and changed with (/meetings/:id): one set, so both
// forms ask the same and show a refused value back the same way.
import type { ReactNode } from "react";
import { Field } from "~/components/forms";
import { useT } from "~/i18n/react";
import type { FormFailure } from "~/lib/forms";

export interface MeetingFieldValues {
  title: string;
  date: string;
  time: string;
  venue: string;
  onlineUrl: string;
}

/** Title, then `children` (the scope and ward when scheduling), then date and time, venue and online link. */
export function MeetingFields({
  failed,
  initial,
  children,
}: {
  failed: FormFailure | null | undefined;
  initial: MeetingFieldValues;
  children?: ReactNode;
}) {
  const t = useT();
  const field = (name: keyof MeetingFieldValues) => ({
    name,
    label: t(`cycle.meetings.field.${name}`),
    defaultValue: failed?.values?.[name] ?? initial[name],
    errors: failed?.fieldErrors[name],
  });
  return (
    <>
      <Field {...field("title")} required />
      {children}
      <div className="field-row">
        <Field {...field("date")} type="date" required />
        <Field {...field("time")} type="time" required />
      </div>
      <Field {...field("venue")} />
      <Field {...field("onlineUrl")} type="url" />
    </>
  );
}
