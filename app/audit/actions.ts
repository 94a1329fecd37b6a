// Words for the audit log's action codes (issue 16: "shows words rather than codes"). A code without its own
// words is shown with the words of its area (the part before the first dot) and the code itself.
import type { Locale } from "~/i18n";

type Words = { ja: string; en: string };

const AREAS: Record<string, Words> = {
  actionPlan: { ja: "アクションプラン", en: "Action plan" },
  auth: { ja: "サインイン", en: "Sign-in" },
  case: { ja: "事例", en: "Case work" },
  checklist: { ja: "チェックリスト", en: "Checklist" },
  evaluation: { ja: "自己評価", en: "Self-evaluation" },
  job: { ja: "バックグラウンド処理", en: "Background job" },
  mail: { ja: "メール", en: "Mail" },
  meeting: { ja: "共有会議", en: "Sharing meeting" },
  notices: { ja: "お知らせ", en: "Notices" },
  office: { ja: "事業所", en: "Office" },
  peer: { ja: "事業所間の学び合い", en: "Peer learning" },
  privacy: { ja: "プライバシー", en: "Privacy" },
  results: { ja: "評価結果", en: "Results" },
  scheduling: { ja: "研修日程", en: "Sessions" },
  training: { ja: "研修", en: "Training" },
  twoFactor: { ja: "二要素認証", en: "Two-factor sign-in" },
  user: { ja: "アカウント", en: "Account" },
  video: { ja: "動画講義", en: "Video lecture" },
};

const ACTIONS: Record<string, Words> = {
  "actionPlan.addItem": { ja: "アクションプランに項目を追加", en: "Added an action-plan item" },
  "actionPlan.addUpdate": { ja: "アクションプランの進捗を記録", en: "Recorded progress on an action plan" },
  "actionPlan.comment": { ja: "アクションプランにコメント", en: "Commented on an action plan" },
  "actionPlan.create": { ja: "アクションプランを作成", en: "Created an action plan" },
  "actionPlan.editItem": { ja: "アクションプランの項目を編集", en: "Edited an action-plan item" },
  "actionPlan.review": { ja: "アクションプランを確認済みに", en: "Reviewed an action plan" },
  "actionPlan.submit": { ja: "アクションプランを提出", en: "Submitted an action plan" },
  "auth.signIn": { ja: "サインイン", en: "Signed in" },
  "auth.signIn.failure": { ja: "サインイン失敗", en: "Sign-in failed" },
  "auth.signIn.lockout": { ja: "サインインを一時停止（失敗の繰り返し）", en: "Sign-in held (repeated failures)" },
  "auth.signIn.held": { ja: "停止中のサインインの試み", en: "Sign-in attempted while held" },
  "auth.signOut": { ja: "サインアウト", en: "Signed out" },
  "case.assignment.save": { ja: "事例の課題を保存", en: "Saved a case assignment" },
  "case.comment": { ja: "事例にコメント", en: "Commented on a case" },
  "case.finding.confirm": { ja: "個人情報の指摘を確認", en: "Confirmed a personal-information finding" },
  "case.question": { ja: "事例に質問", en: "Asked about a case" },
  "case.rate": { ja: "事例をルーブリックで評価", en: "Rated a case" },
  "case.read": { ja: "事例を閲覧", en: "Read a case" },
  "case.rubric.export": { ja: "ルーブリック結果を出力", en: "Exported rubric results" },
  "case.submit": { ja: "事例を提出", en: "Submitted a case" },
  "case.texts.delete": { ja: "保存期間を過ぎた事例本文を削除", en: "Deleted case texts past retention" },
  "checklist.editItem": { ja: "チェックリストの項目を編集", en: "Edited a checklist item" },
  "checklist.import": { ja: "チェックリストを取り込み", en: "Imported a checklist" },
  "checklist.publish": { ja: "チェックリストを公開", en: "Published a checklist" },
  "checklist.setPillar": { ja: "チェックリストの柱を設定", en: "Set a checklist pillar" },
  "evaluation.answer": { ja: "自己評価の回答を保存", en: "Saved a self-evaluation answer" },
  "evaluation.return": { ja: "自己評価を差し戻し", en: "Returned a self-evaluation" },
  "evaluation.submit": { ja: "自己評価を提出", en: "Submitted a self-evaluation" },
  "job.retry": { ja: "失敗した処理を再実行", en: "Retried a failed job" },
  "mail.retry": { ja: "メールを再送", en: "Sent a mail again" },
  "meeting.attendance": { ja: "共有会議の出席を記録", en: "Recorded meeting attendance" },
  "meeting.change": { ja: "共有会議を変更", en: "Changed a meeting" },
  "meeting.create": { ja: "共有会議を作成", en: "Created a meeting" },
  "meeting.notes": { ja: "共有会議の記録を保存", en: "Saved meeting notes" },
  "meeting.register": { ja: "共有会議に参加登録", en: "Registered for a meeting" },
  "meeting.topic.add": { ja: "議題を追加", en: "Added an agenda topic" },
  "meeting.topic.move": { ja: "議題を並べ替え", en: "Moved an agenda topic" },
  "meeting.topic.remove": { ja: "議題を削除", en: "Removed an agenda topic" },
  "notices.read": { ja: "お知らせを既読に", en: "Marked notices read" },
  "office.create": { ja: "事業所を登録", en: "Created an office" },
  "office.update": { ja: "事業所を更新", en: "Updated an office" },
  "peer.activity": { ja: "学び合いの活動を記録", en: "Recorded a peer activity" },
  "peer.group": { ja: "学び合いのグループを変更", en: "Changed a peer group" },
  "peer.introductionRequest": { ja: "事業所の紹介を依頼", en: "Asked for an introduction" },
  "privacy.acknowledge": { ja: "プライバシーポリシーを確認", en: "Acknowledged the privacy notice" },
  "results.import": { ja: "過去の評価結果を取り込み", en: "Imported past results" },
  "scheduling.cancel": { ja: "研修の申込を取り消し", en: "Cancelled an enrolment" },
  "scheduling.certificate.issue": { ja: "修了証を発行", en: "Issued a certificate" },
  "scheduling.certificate.issue-ondemand": { ja: "オンデマンド研修の修了証を発行", en: "Issued an on-demand certificate" },
  "scheduling.certificate.revoke": { ja: "修了証を取り消し", en: "Revoked a certificate" },
  "scheduling.completion.exception": { ja: "修了の例外を記録", en: "Recorded a completion exception" },
  "scheduling.enrol": { ja: "研修に申込", en: "Enrolled in a session" },
  "scheduling.exemption.record": { ja: "受講要件の免除を記録", en: "Recorded a prerequisite exemption" },
  "scheduling.exemption.revoke": { ja: "受講要件の免除を取り消し", en: "Revoked a prerequisite exemption" },
  "scheduling.feed.create": { ja: "カレンダー配信を作成", en: "Created a calendar feed" },
  "scheduling.feed.revoke": { ja: "カレンダー配信を停止", en: "Revoked calendar feeds" },
  "scheduling.issuer.update": { ja: "修了証の発行者を変更", en: "Changed the certificate issuer" },
  "scheduling.session.cancel": { ja: "研修を中止", en: "Cancelled a session" },
  "scheduling.session.create": { ja: "研修を作成", en: "Created a session" },
  "scheduling.session.update": { ja: "研修を更新", en: "Updated a session" },
  "scheduling.check-in": { ja: "出席を記録", en: "Checked in" },
  "training.check": { ja: "確認テストに解答", en: "Answered a knowledge check" },
  "training.complete": { ja: "モジュールを修了", en: "Completed a module" },
  "training.curriculum.set": { ja: "カリキュラムを設定", en: "Set the curriculum" },
  "training.enrol": { ja: "研修の受講者を登録", en: "Enrolled a trainee" },
  "training.enrol.import": { ja: "受講者を一括登録", en: "Imported trainees" },
  "training.reflection": { ja: "ふりかえりを保存", en: "Saved a reflection" },
  "training.unenrol": { ja: "受講登録を解除", en: "Unenrolled a trainee" },
  "twoFactor.passkey.add": { ja: "パスキーを登録", en: "Added a passkey" },
  "twoFactor.passkey.remove": { ja: "パスキーを削除", en: "Removed a passkey" },
  "twoFactor.recoveryCode.use": { ja: "リカバリーコードでサインイン", en: "Used a recovery code" },
  "twoFactor.recoveryCodes.regenerate": { ja: "リカバリーコードを作り直し", en: "Made new recovery codes" },
  "twoFactor.totp.disable": { ja: "認証アプリを解除", en: "Removed the authenticator app" },
  "twoFactor.totp.enable": { ja: "認証アプリを設定", en: "Set up an authenticator app" },
  "user.acceptInvitation": { ja: "招待からパスワードを設定", en: "Accepted an invitation" },
  "user.changePassword": { ja: "パスワードを変更", en: "Changed the password" },
  "user.create": { ja: "アカウントを作成", en: "Created an account" },
  "user.invite": { ja: "招待を送信", en: "Sent an invitation" },
  "user.locale": { ja: "表示言語を変更", en: "Changed the language" },
  "user.update": { ja: "アカウントを更新", en: "Updated an account" },
  "video.retry": { ja: "動画の変換を再実行", en: "Retried a video transcode" },
  "video.upload": { ja: "動画をアップロード", en: "Uploaded a video" },
};

/** The words for an action code in the reader's language (area words plus the code when it has none of its own). */
export function actionLabel(code: string, locale: Locale): string {
  const own = ACTIONS[code];
  if (own) return own[locale];
  const area = AREAS[code.split(".")[0]];
  return area ? `${area[locale]} (${code})` : code;
}

/** Action areas for the filter's choices, in the reader's language. */
export function actionAreas(locale: Locale): { value: string; label: string }[] {
  return Object.entries(AREAS).map(([value, w]) => ({ value, label: w[locale] }));
}
