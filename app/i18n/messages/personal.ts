// Messages of one line of work, kept in their own file so parallel work does not collide in ja.ts/en.ts.
// Keys follow the project's "capability.thing" style; both objects must have the same keys.
export const personalJa = {
  "personal.audit.kind": "閲覧／変更",
  "personal.audit.both": "両方",
  "personal.audit.reads": "閲覧のみ",
  "personal.audit.writes": "変更のみ",
  "personal.audit.read": "閲覧",
  "personal.audit.write": "変更",
  "personal.audit.subject": "誰の情報か（本人または事業所）",
  "personal.audit.subjectHint": "本人の名前・メールの一部、または事業所名の一部。「この期間に誰が○○さんの記録を見たか」に答えます。",
} as const;

export const personalEn: Record<keyof typeof personalJa, string> = {
  "personal.audit.kind": "Reads or changes",
  "personal.audit.both": "Both",
  "personal.audit.reads": "Reads only",
  "personal.audit.writes": "Changes only",
  "personal.audit.read": "Read",
  "personal.audit.write": "Change",
  "personal.audit.subject": "Whose data (person or office)",
  "personal.audit.subjectHint":
    "Part of the person's name or e-mail, or of the office's name: answers \"who looked at this person's records in this period\".",
};
