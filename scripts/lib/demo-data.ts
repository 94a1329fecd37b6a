// Demo data: the city's five wards, fictional offices and the demo accounts (README lists them).
export const DEMO_PASSWORD = "tsunagu-demo-2024";

export const WARDS = [
  { code: "aoba", nameJa: "青葉区", nameEn: "Aoba", sortOrder: 1 },
  { code: "miyagino", nameJa: "宮城野区", nameEn: "Miyagino", sortOrder: 2 },
  { code: "wakabayashi", nameJa: "若林区", nameEn: "Wakabayashi", sortOrder: 3 },
  { code: "taihaku", nameJa: "太白区", nameEn: "Taihaku", sortOrder: 4 },
  { code: "izumi", nameJa: "泉区", nameEn: "Izumi", sortOrder: 5 },
] as const;

type Kind = "SPECIFIED_CONSULTATION" | "COMMISSIONED_CONSULTATION" | "CORE_CENTER";

// Fictional offices: names in the style of the city's consultation-support offices. As in the council's
// documents (/work/shared/seeds), the city has ONE 基幹相談支援センター, city-wide (set up in FY2020 and run
// by the city, commissioned since FY2024); it sits in Aoba ward but serves every ward.
/** A demo office's number (事業所番号): ten digits, made up (04 = Miyagi), one per office in OFFICES' order. */
export function demoOfficeNumber(index: number): string {
  return `0410${String(100001 + index * 7).padStart(6, "0")}`;
}

export const OFFICES: { name: string; ward: (typeof WARDS)[number]["code"]; kind: Kind; address: string; agreesToBeNamed: boolean }[] = [
  { name: "障害者基幹相談支援センター", ward: "aoba", kind: "CORE_CENTER", address: "青葉区本町二丁目", agreesToBeNamed: true },
  {
    name: "障害者相談支援事業所 けやき",
    ward: "aoba",
    kind: "COMMISSIONED_CONSULTATION",
    address: "青葉区国分町一丁目",
    agreesToBeNamed: true,
  },
  {
    name: "相談支援センター あおばの杜",
    ward: "aoba",
    kind: "SPECIFIED_CONSULTATION",
    address: "青葉区八幡三丁目",
    agreesToBeNamed: false,
  },
  { name: "ひろせ川相談室", ward: "aoba", kind: "SPECIFIED_CONSULTATION", address: "青葉区川内", agreesToBeNamed: true },
  { name: "計画相談 ともしび", ward: "aoba", kind: "SPECIFIED_CONSULTATION", address: "青葉区上杉五丁目", agreesToBeNamed: false },
  {
    name: "相談支援事業所 しおかぜ",
    ward: "miyagino",
    kind: "COMMISSIONED_CONSULTATION",
    address: "宮城野区五輪一丁目",
    agreesToBeNamed: true,
  },
  {
    name: "障害者相談支援事業所 みやぎの",
    ward: "miyagino",
    kind: "COMMISSIONED_CONSULTATION",
    address: "宮城野区原町二丁目",
    agreesToBeNamed: true,
  },
  {
    name: "相談支援事業所 はらまち",
    ward: "miyagino",
    kind: "SPECIFIED_CONSULTATION",
    address: "宮城野区原町四丁目",
    agreesToBeNamed: false,
  },
  { name: "つつじが丘相談室", ward: "miyagino", kind: "SPECIFIED_CONSULTATION", address: "宮城野区榴岡三丁目", agreesToBeNamed: true },
  {
    name: "相談支援センター かわせみ",
    ward: "wakabayashi",
    kind: "COMMISSIONED_CONSULTATION",
    address: "若林区保春院前丁",
    agreesToBeNamed: true,
  },
  {
    name: "障害者相談支援事業所 れんぼう",
    ward: "wakabayashi",
    kind: "COMMISSIONED_CONSULTATION",
    address: "若林区連坊小路",
    agreesToBeNamed: false,
  },
  {
    name: "相談支援センター おろしまち",
    ward: "wakabayashi",
    kind: "SPECIFIED_CONSULTATION",
    address: "若林区卸町二丁目",
    agreesToBeNamed: true,
  },
  { name: "計画相談 あらはま", ward: "wakabayashi", kind: "SPECIFIED_CONSULTATION", address: "若林区荒井東一丁目", agreesToBeNamed: false },
  { name: "相談室 みどりの", ward: "taihaku", kind: "COMMISSIONED_CONSULTATION", address: "太白区長町南三丁目", agreesToBeNamed: true },
  {
    name: "障害者相談支援事業所 ながまち",
    ward: "taihaku",
    kind: "COMMISSIONED_CONSULTATION",
    address: "太白区長町五丁目",
    agreesToBeNamed: true,
  },
  { name: "あきう相談支援センター", ward: "taihaku", kind: "SPECIFIED_CONSULTATION", address: "太白区秋保町長袋", agreesToBeNamed: false },
  { name: "相談室 やぎやま", ward: "taihaku", kind: "SPECIFIED_CONSULTATION", address: "太白区八木山本町", agreesToBeNamed: true },
  {
    name: "相談支援センター いずみの森",
    ward: "izumi",
    kind: "COMMISSIONED_CONSULTATION",
    address: "泉区泉中央一丁目",
    agreesToBeNamed: true,
  },
  {
    name: "障害者相談支援事業所 いずみの",
    ward: "izumi",
    kind: "COMMISSIONED_CONSULTATION",
    address: "泉区将監十丁目",
    agreesToBeNamed: true,
  },
  { name: "相談支援事業所 ななきた", ward: "izumi", kind: "SPECIFIED_CONSULTATION", address: "泉区七北田", agreesToBeNamed: false },
  { name: "計画相談 しょうげん", ward: "izumi", kind: "SPECIFIED_CONSULTATION", address: "泉区将監三丁目", agreesToBeNamed: true },
  { name: "てらおか相談室", ward: "izumi", kind: "SPECIFIED_CONSULTATION", address: "泉区寺岡六丁目", agreesToBeNamed: false },
];

type RoleName = "TRAINEE" | "OFFICE_MANAGER" | "PLANNING_COMMITTEE" | "EVALUATION_SUBCOMMITTEE" | "ADMINISTRATOR" | "SYSTEM_ADMIN";

export const DEMO_ACCOUNTS: { email: string; displayName: string; roles: RoleName[]; office: string | null }[] = [
  { email: "trainee@example.jp", displayName: "佐藤 はるか", roles: ["TRAINEE"], office: "相談支援センター あおばの杜" },
  { email: "manager@example.jp", displayName: "高橋 誠", roles: ["OFFICE_MANAGER"], office: "障害者相談支援事業所 けやき" },
  { email: "committee@example.jp", displayName: "鈴木 由美", roles: ["PLANNING_COMMITTEE"], office: "障害者基幹相談支援センター" },
  {
    email: "subcommittee@example.jp",
    displayName: "伊藤 健一",
    roles: ["EVALUATION_SUBCOMMITTEE"],
    office: "相談支援事業所 しおかぜ",
  },
  { email: "admin@example.jp", displayName: "渡辺 直子", roles: ["ADMINISTRATOR"], office: null },
  // The system administrator (issue 19): jobs and the audit log; no personal content without emergency access.
  { email: "sysadmin@example.jp", displayName: "小林 亮", roles: ["SYSTEM_ADMIN"], office: null },
];
