// Messages of one line of work, kept in their own file so parallel work does not collide in ja.ts/en.ts.
// Keys follow the project's "capability.thing" style; both objects must have the same keys.
export const attachmentsJa = {
  "cases.files.title": "添付ファイル",
  "cases.files.intro":
    "匿名化したサービス等利用計画などを添付できます。PDF または Word（.docx）、1ファイル {size} まで、{count} ファイルまで。ファイルの文字も個人情報の確認にかけます。提出すると、グループとファシリテーターが読めるようになります。",
  "cases.files.none": "添付ファイルはありません。",
  "cases.files.choose": "添付するファイル（PDF または .docx）",
  "cases.files.upload": "添付する",
  "cases.files.added": "ファイルを添付しました。",
  "cases.files.addedFindings": "ファイルを添付しました。個人情報の可能性がある記述が {count} 件あります。下で確認してください。",
  "cases.files.remove": "「{name}」を削除",
  "cases.files.removed": "ファイルを削除しました。",
  "cases.files.submitted": "提出済み",
  "cases.files.notSubmitted": "未提出（次の提出で共有されます）",
  "cases.files.findings":
    "このファイルの中に、個人情報の可能性がある記述があります。ファイルを直して添付し直すか、個人情報ではないことを確認してください。",
  "cases.files.download": "{name} をダウンロード",
  "cases.files.error.missing": "添付するファイルを選んでください。",
  "cases.files.error.too-large": "ファイルが大きすぎます。{size} 以下のファイルにしてください。",
  "cases.files.error.type":
    "PDF または Word（.docx）のファイルを選んでください。ファイルの中身で判定しています（名前の拡張子ではありません）。",
  "cases.files.error.unreadable": "ファイルを読み取れませんでした。壊れていないか確認してください。",
  "cases.files.error.encrypted": "パスワードで保護されたファイルは添付できません。保護を外してください。",
  "cases.files.error.no-text":
    "ファイルから文字を読み取れませんでした（画像だけの PDF など）。個人情報の確認ができないため添付できません。文字を含むファイルにしてください。",
  "cases.files.error.too-many": "添付できるのは {count} ファイルまでです。不要なファイルを削除してください。",
  "cases.files.error.deleted": "保存期間を過ぎたため、添付できません。",
  "cases.questions.none": "質問はまだありません。",
} as const;

export const attachmentsEn: Record<keyof typeof attachmentsJa, string> = {
  "cases.files.title": "Attached files",
  "cases.files.intro":
    "You may attach documents such as an anonymised support plan: PDF or Word (.docx), up to {size} each, at most {count} files. Their text is checked for personal information too. Once you submit, the group and the facilitators can read them.",
  "cases.files.none": "No files attached.",
  "cases.files.choose": "File to attach (PDF or .docx)",
  "cases.files.upload": "Attach",
  "cases.files.added": "The file was attached.",
  "cases.files.addedFindings":
    "The file was attached. It has {count, plural, one {# passage} other {# passages}} that may be personal information: check {count, plural, one {it below} other {them below}}.",
  "cases.files.remove": "Remove “{name}”",
  "cases.files.removed": "The file was removed.",
  "cases.files.submitted": "Submitted",
  "cases.files.notSubmitted": "Not yet submitted (shared when you next submit)",
  "cases.files.findings":
    "This file contains passages that may be personal information. Correct the file and attach it again, or confirm each is not personal information.",
  "cases.files.download": "Download {name}",
  "cases.files.error.missing": "Choose a file to attach.",
  "cases.files.error.too-large": "The file is too large. Attach a file of {size} or less.",
  "cases.files.error.type": "Choose a PDF or Word (.docx) file. The type is read from the file's content, not from its name.",
  "cases.files.error.unreadable": "The file could not be read. Check that it is not damaged.",
  "cases.files.error.encrypted": "A password-protected file cannot be attached. Remove the protection first.",
  "cases.files.error.no-text":
    "No text could be read from the file (a PDF of scanned images, for example), so it cannot be checked for personal information. Attach a file that contains text.",
  "cases.files.error.too-many": "At most {count} files can be attached. Remove one you no longer need.",
  "cases.files.error.deleted": "The retention period has passed; files can no longer be attached.",
  "cases.questions.none": "No questions yet.",
};
