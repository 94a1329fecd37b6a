// Messages of one line of work, kept in their own file so parallel work does not collide in ja.ts/en.ts.
// Keys follow the project's "capability.thing" style; both objects must have the same keys.
export const privacyJa = {
  "privacy.link": "個人情報の取扱い",
  "privacy.versionLine": "第{version}版（{date}施行）",
  "privacy.col.items": "保存する情報",
  "privacy.col.purpose": "利用目的",
  "privacy.col.audience": "見られる人",
  "privacy.col.kept": "保存期間",
  "privacy.contact.label": "窓口：",
  "privacy.contact.default": "協議会の事務局（市の障害福祉の担当課）",
  "privacy.ack.heading": "個人情報の取扱いについてのお知らせが新しくなりました",
  "privacy.ack.lead": "第{version}版をお読みになり、ページの最後のボタンで確認してください。",
  "privacy.ack.submit": "内容を確認しました",
  "privacy.ack.banner": "個人情報の取扱いについてのお知らせ（第{version}版）をご確認ください。",
  "privacy.ack.bannerLink": "お知らせを読む",
  "privacy.acknowledged": "確認を記録しました。",
  "privacy.acknowledgedAt": "この版は {time} に確認済みです。",
  "privacy.stale": "お知らせが更新されました。新しい版をお読みのうえ、もう一度確認してください。",
} as const;

export const privacyEn: Record<keyof typeof privacyJa, string> = {
  "privacy.link": "Privacy",
  "privacy.versionLine": "Version {version} (in effect from {date})",
  "privacy.col.items": "What is stored",
  "privacy.col.purpose": "Purpose",
  "privacy.col.audience": "Who can see it",
  "privacy.col.kept": "How long it is kept",
  "privacy.contact.label": "Contact:",
  "privacy.contact.default": "the council's secretariat (the city's disability-welfare division)",
  "privacy.ack.heading": "The privacy notice has changed",
  "privacy.ack.lead": "Please read version {version} and confirm with the button at the end of the page.",
  "privacy.ack.submit": "I have read this notice",
  "privacy.ack.banner": "Please read the privacy notice (version {version}).",
  "privacy.ack.bannerLink": "Read the notice",
  "privacy.acknowledged": "Your acknowledgement has been recorded.",
  "privacy.acknowledgedAt": "You acknowledged this version on {time}.",
  "privacy.stale": "The notice has been updated. Please read the new version and confirm again.",
};
