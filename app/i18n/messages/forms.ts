// Messages of one line of work, kept in their own file so parallel work does not collide in ja.ts/en.ts.
// Issue 14 (usability): the session form — the learning-goal picker, days added and removed, past dates flagged.
export const formsJa = {
  "forms.goals.legend": "獲得目標",
  "forms.goals.hint": "この研修で目指す獲得目標を選んでください。コードか言葉で絞り込めます。",
  "forms.goals.search": "獲得目標を絞り込む（コードまたは言葉）",
  "forms.goals.count": "{shown} 件を表示中（全 {total} 件、{chosen} 件を選択）",
  "forms.goals.none": "「{query}」に当たる獲得目標はありません。",
  "forms.goals.unknown": "次のコードの獲得目標はありません: {codes}",
  "forms.days.add": "日を追加する",
  "forms.days.remove": "{n}日目を削除する",
  "forms.days.max": "日程は {max} 日までです。",
  "forms.days.past": "この日付は過去です（今日は {today}）。",
  "forms.days.pastConfirm": "過去の日付を含むまま登録する",
  "forms.days.pastError": "過去の日付です。日付を確かめるか、「過去の日付を含むまま登録する」にチェックを入れてください。",
} as const;

export const formsEn: Record<keyof typeof formsJa, string> = {
  "forms.goals.legend": "Learning goals",
  "forms.goals.hint": "Choose the learning goals this session aims at. Filter by code or by words.",
  "forms.goals.search": "Filter learning goals (code or words)",
  "forms.goals.count": "{shown} shown (of {total}, {chosen} chosen)",
  "forms.goals.none": "No learning goal matches “{query}”.",
  "forms.goals.unknown": "There is no learning goal with these codes: {codes}",
  "forms.days.add": "Add a day",
  "forms.days.remove": "Remove day {n}",
  "forms.days.max": "A session has at most {max} days.",
  "forms.days.past": "This date is in the past (today is {today}).",
  "forms.days.pastConfirm": "Save with a date in the past",
  "forms.days.pastError": "This date is in the past. Check the date, or tick “Save with a date in the past”.",
};
