// The guard for personal information: finds what identifies a person in a case text and suggests an
// anonymous replacement. Pure: the morphological analysis (kuromoji tokens) is passed in, so this module
// runs anywhere and is tested on its corpus (scanner-corpus.ts). The server builds the tokenizer once
// (tokenizer.server.ts) and calls `scanText`.

/** The parts of a kuromoji token the scanner reads (IPADIC tags). */
export interface ScanToken {
  surface_form: string;
  pos: string;
  pos_detail_1: string;
  pos_detail_2: string;
  pos_detail_3: string;
  /** 1-based position of the token in the text (kuromoji's `word_position`). */
  word_position: number;
  word_type?: string;
}

export const FINDING_KINDS = ["name", "birthdate", "age", "address", "phone", "postal", "email", "mynumber", "recipient"] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export interface Finding {
  kind: FindingKind;
  /** UTF-16 offsets into the scanned text: text.slice(start, end) is what was found. */
  start: number;
  end: number;
  text: string;
  replacement: string;
}

const HONORIFICS = ["さん", "様", "さま", "くん", "君", "ちゃん", "氏", "殿"];
/** Words that take an honorific without being a name (ヘルパーさん, 利用者様, お母さん…). */
const ROLE_WORDS = new Set([
  "お母",
  "母",
  "お父",
  "父",
  "お兄",
  "兄",
  "お姉",
  "姉",
  "奥",
  "息子",
  "娘",
  "お子",
  "子",
  "皆",
  "みな",
  "みんな",
  "ヘルパー",
  "利用",
  "利用者",
  "本人",
  "ご本人",
  "客",
  "お客",
  "家族",
  "ご家族",
  "大家",
  "相談員",
  "員",
  "者",
  "医者",
  "お医者",
  "看護師",
  "師",
  "先生",
  "担当",
  "担当者",
  "職員",
  "店員",
  "お嫁",
  "嫁",
  "婿",
  "孫",
  "お孫",
  "妹",
  "弟",
  "祖母",
  "祖父",
  "おばあ",
  "おじい",
  "叔母",
  "叔父",
  "隣",
  "近所",
  "ご近所",
  "管理人",
  "支援者",
  "専門員",
  "世話人",
]);
/** Words after a name-tagged token that show it is a place or a thing, not a person (青葉区, 仙台駅). */
const PLACE_SUFFIXES = new Set([
  "区",
  "市",
  "町",
  "村",
  "県",
  "府",
  "都",
  "駅",
  "通",
  "通り",
  "病院",
  "公園",
  "ホーム",
  "センター",
  "園",
  "会",
  "荘",
  "学校",
  "小学校",
  "中学校",
  "高校",
  "大学",
  "線",
  "川",
  "山",
  "台",
  "丁目",
  "事業所",
  "クリニック",
]);

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** Full-width digits and dashes as ASCII, keeping every offset (each is one UTF-16 unit either way). */
export function normaliseDigits(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const code = c.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) out += String.fromCharCode(code - 0xff10 + 48);
    else if ("－‐‑‒–—―−".includes(c)) out += "-";
    else if (c === "ー" && /[0-9０-９]/.test(text[i - 1] ?? "") && /[0-9０-９]/.test(text[i + 1] ?? "")) out += "-";
    else if (c === "（") out += "(";
    else if (c === "）") out += ")";
    else if (c === "＠") out += "@";
    else if (c === "　") out += " ";
    else out += c;
  }
  return out;
}

/** My Number (個人番号) check digit: the twelfth digit computed from the first eleven. */
export function myNumberCheckDigit(first11: string): number {
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = Number(first11[11 - n]);
    const q = n <= 6 ? n + 1 : n - 5;
    sum += p * q;
  }
  const r = sum % 11;
  return r <= 1 ? 0 : 11 - r;
}

export function isMyNumber(digits: string): boolean {
  return /^\d{12}$/.test(digits) && myNumberCheckDigit(digits.slice(0, 11)) === Number(digits[11]);
}

/** The decade an age falls in, as the template asks for it: 47 → 40代, 7 → 10歳未満. */
export function decadeOf(age: number): string {
  if (age < 10) return "10歳未満";
  if (age >= 90) return "90代以上";
  return `${Math.floor(age / 10) * 10}代`;
}

const KANJI = /[\u4e00-\u9fff々〆ヶヵ]/;
const KATAKANA = /[\u30a0-\u30ff]/;

function isAnonymousMark(s: string): boolean {
  return /^[A-ZＡ-Ｚa-zａ-ｚ〇○◯●×＊*]+$/.test(s);
}

interface Raw {
  kind: FindingKind;
  start: number;
  end: number;
  replacement: string;
}

function regexFindings(text: string, norm: string): Raw[] {
  const out: Raw[] = [];
  const push = (kind: FindingKind, start: number, end: number, replacement: string) => out.push({ kind, start, end, replacement });
  let m: RegExpExecArray | null;

  // E-mail addresses.
  const email = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
  while ((m = email.exec(norm))) push("email", m.index, m.index + m[0].length, "（メールアドレス削除）");

  // Recipient certificate numbers (受給者証番号): ten digits shortly after the word.
  const recipient = /受給者(?:証)?(?:番号|No\.?|の番号)?[^0-9\n]{0,12}?(\d{10})(?!\d)/g;
  while ((m = recipient.exec(norm))) {
    const s = m.index + m[0].length - 10;
    push("recipient", s, s + 10, "（受給者証番号削除）");
  }

  // My Number: 12 digits (or 4-4-4) whose check digit is right.
  const twelve = /(?<![\d-])(\d{4})[- ]?(\d{4})[- ]?(\d{4})(?![\d-])/g;
  while ((m = twelve.exec(norm))) {
    if (isMyNumber(m[1] + m[2] + m[3])) push("mynumber", m.index, m.index + m[0].length, "（個人番号削除）");
  }

  // Postal codes: 〒 and/or NNN-NNNN.
  const postal = /(〒\s?)?(?<![\d)-])\d{3}-\d{4}(?![\d-])/g;
  while ((m = postal.exec(norm))) push("postal", m.index, m.index + m[0].length, "（郵便番号削除）");
  const postalBare = /〒\s?\d{7}(?!\d)/g;
  while ((m = postalBare.exec(norm))) push("postal", m.index, m.index + m[0].length, "（郵便番号削除）");

  // Phone numbers: 0 then 9 or 10 more digits, hyphenated, in brackets or not.
  const phone = /(?<![\d-])(?:\(0\d{1,4}\)\s?\d{1,4}-\d{3,4}|0\d{1,4}-\d{1,4}-\d{3,4}|0[5789]0\d{8}|0\d{9})(?![\d-])/g;
  while ((m = phone.exec(norm))) {
    const digits = m[0].replace(/\D/g, "");
    if (digits.length === 10 || digits.length === 11) push("phone", m.index, m.index + m[0].length, "（電話番号削除）");
  }

  // Exact dates of birth.
  const era = "(?:昭和|平成|令和|大正|[SHRT]\\.?\\s?)";
  const date = `(?:(?:\\d{4}|${era}(?:\\d{1,2}|元))\\s?年\\s?\\d{1,2}\\s?月\\s?\\d{1,2}\\s?日|\\d{4}[/.-]\\d{1,2}[/.-]\\d{1,2}|${era}\\d{1,2}[/.]\\d{1,2}[/.]\\d{1,2})`;
  const birthBefore = new RegExp(`(?:生年月日|誕生日|出生日)\\s?(?:は|:|：)?\\s?(${date})`, "g");
  while ((m = birthBefore.exec(norm))) {
    const s = m.index + m[0].length - m[1].length;
    push("birthdate", s, s + m[1].length, "（生年月日削除）");
  }
  const birthAfter = new RegExp(`(${date})\\s?(?:生まれ|生|に生まれ|出生)`, "g");
  while ((m = birthAfter.exec(norm))) push("birthdate", m.index, m.index + m[1].length, "（生年月日削除）");

  // Ages in years (the template asks for decades): 47歳 → 40代. Not thresholds (65歳以上) or 3歳児健診.
  const age = /(?:満\s?)?(\d{1,3})\s?(?:歳|才)(?!\s?(?:代|以上|以下|未満|を超|児|までの|から\d))/g;
  while ((m = age.exec(norm))) {
    const n = Number(m[1]);
    if (n > 120) continue;
    push("age", m.index, m.index + m[0].length, decadeOf(n));
  }

  // Addresses below the ward: 丁目, 番地, 番/号, or a block number after a town name.
  const block =
    /(?:\d+|[〇一二三四五六七八九十]+)\s?丁目(?:\s?\d+\s?番(?:地)?(?:\s?の?\s?\d+\s?号?)?|\s?\d+(?:-\d+)*)?|\d+\s?番地(?:\s?の?\s?\d+\s?号?)?|\d+\s?番\s?\d+\s?号|(?<=[\u4e00-\u9fff々ヶ])\d+-\d+(?:-\d+)?(?![\d-])/g;
  while ((m = block.exec(norm))) {
    let start = m.index;
    // Extend back over the town name (kanji/katakana), and over the ward that names it.
    let ward = "";
    let i = start - 1;
    while (i >= 0 && start - i <= 12 && (KANJI.test(text[i]) || KATAKANA.test(text[i]))) {
      if (text[i] === "区" || text[i] === "市") break;
      i--;
    }
    if (i >= 0 && text[i] === "区") {
      let j = i - 1;
      while (j >= 0 && i - j <= 4 && (KANJI.test(text[j]) || KATAKANA.test(text[j])) && text[j] !== "市") j--;
      ward = text.slice(j + 1, i + 1);
      start = j + 1;
    } else {
      start = i + 1;
    }
    // Plain numbers after kanji (e.g. 第3-2) are addresses only with a town name of 2+ characters.
    if (!/丁目|番/.test(m[0]) && m.index - start < 2) continue;
    push("address", start, m.index + m[0].length, ward ? `${ward}内` : "〇〇区内");
  }
  return out;
}

function nameFindings(text: string, tokens: readonly ScanToken[]): Raw[] {
  const out: Raw[] = [];
  const letters = new Map<string, string>();
  const letterFor = (name: string) => {
    let l = letters.get(name);
    if (!l) {
      l = LETTERS[letters.size % LETTERS.length];
      letters.set(name, l);
    }
    return l;
  };
  const isPersonTag = (t: ScanToken) => t.pos === "名詞" && t.pos_detail_1 === "固有名詞" && t.pos_detail_2 === "人名";
  const isHonorific = (t: ScanToken | undefined) => !!t && HONORIFICS.includes(t.surface_form);
  const isPlaceSuffix = (t: ScanToken | undefined) =>
    !!t &&
    (PLACE_SUFFIXES.has(t.surface_form) ||
      /^(区|市|町|村|県|駅)/.test(t.surface_form) ||
      (t.pos === "名詞" && t.pos_detail_1 === "接尾" && t.pos_detail_2 === "地域"));

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const byTag = isPersonTag(t);
    // A noun directly before an honorific: a name the dictionary does not know (or knows as a common noun).
    const next = tokens[i + 1];
    const byHonorific =
      !byTag &&
      isHonorific(next) &&
      t.pos === "名詞" &&
      (t.pos_detail_1 === "固有名詞" || t.word_type === "UNKNOWN" || t.pos_detail_1 === "一般") &&
      !ROLE_WORDS.has(t.surface_form) &&
      !isAnonymousMark(t.surface_form) &&
      t.surface_form.length >= 2 &&
      (KANJI.test(t.surface_form) || KATAKANA.test(t.surface_form));
    if (!byTag && !byHonorific) continue;
    let j = i;
    // Family and given name together (山田 太郎).
    while (j + 1 < tokens.length && isPersonTag(tokens[j + 1])) j++;
    if (j + 1 < tokens.length && tokens[j + 1].surface_form.trim() === "" && isPersonTag(tokens[j + 2] ?? t)) j += 2;
    while (j + 1 < tokens.length && isPersonTag(tokens[j + 1])) j++;
    const after = tokens[j + 1];
    if (byTag && isPlaceSuffix(after)) {
      i = j;
      continue;
    }
    if (byTag && isAnonymousMark(t.surface_form)) continue;
    // A name in kana alone (マイ in マイナンバー) counts only with an honorific.
    if (byTag && i === j && /^[\u3040-\u30ff]+$/.test(t.surface_form) && !isHonorific(after)) continue;
    const start = t.word_position - 1;
    let end = tokens[j].word_position - 1 + tokens[j].surface_form.length;
    const name = text.slice(start, end);
    let honorific = "さん";
    if (isHonorific(after)) {
      honorific = after.surface_form === "様" || after.surface_form === "さま" ? "さん" : after.surface_form;
      if (honorific === "氏" || honorific === "殿" || honorific === "君") honorific = "さん";
      end = after.word_position - 1 + after.surface_form.length;
      j++;
    }
    out.push({ kind: "name", start, end, replacement: `${letterFor(name)}${honorific}` });
    i = j;
  }
  // Given names in hiragana before ちゃん/くん, which the analyzer splits otherwise (ゆいちゃん → ゆい|ちゃんと).
  const kana = /(?<=^|[のはがとにもをへ、。「（(\s])([\u3041-\u3096]{2,4})(ちゃん|くん)/g;
  const KIN = /^(お|あか|ばあ|じい|ねえ|にい|みな|みんな|おば|おじ)/;
  let m: RegExpExecArray | null;
  while ((m = kana.exec(text))) {
    if (KIN.test(m[1])) continue;
    out.push({ kind: "name", start: m.index, end: m.index + m[0].length, replacement: `${letterFor(m[1])}${m[2]}` });
  }
  return out;
}

/**
 * Every finding in `text`, in order, without overlaps (the longer or more specific finding wins).
 * `tokens` are kuromoji's tokens of the same text; without them, names are not looked for.
 */
export function scanText(text: string, tokens: readonly ScanToken[] | null): Finding[] {
  if (!text) return [];
  const norm = normaliseDigits(text);
  const raw = [...regexFindings(text, norm), ...(tokens ? nameFindings(text, tokens) : [])];
  const priority: Record<FindingKind, number> = {
    mynumber: 9,
    recipient: 9,
    email: 8,
    birthdate: 7,
    postal: 6,
    phone: 5,
    address: 4,
    age: 3,
    name: 2,
  };
  raw.sort((a, b) => priority[b.kind] - priority[a.kind] || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Raw[] = [];
  for (const r of raw) if (!kept.some((k) => r.start < k.end && k.start < r.end)) kept.push(r);
  kept.sort((a, b) => a.start - b.start);
  return kept.map((r) => ({ ...r, text: text.slice(r.start, r.end) }));
}

/** The text with every finding replaced by its suggestion (used by "replace all" and by tests). */
export function applyReplacements(text: string, findings: readonly Pick<Finding, "start" | "end" | "replacement">[]): string {
  let out = "";
  let at = 0;
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    if (f.start < at) continue;
    out += text.slice(at, f.start) + f.replacement;
    at = f.end;
  }
  return out + text.slice(at);
}
