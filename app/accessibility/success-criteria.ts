// The success criteria of the conformance target: WCAG 2.0 levels A and AA, which are JIS X 8341-3:2016's 38
// criteria, and the A/AA criteria WCAG 2.1 and 2.2 added (the project targets WCAG 2.2 AA). Japanese names as in
// JIS X 8341-3:2016 and the WAIC translations of WCAG 2.1/2.2. Shared by server and browser.

export type Level = "A" | "AA";
/** The standard that introduced the criterion: "2.0" is JIS X 8341-3:2016 (= WCAG 2.0 = ISO/IEC 40500:2012). */
export type Standard = "2.0" | "2.1" | "2.2";

export interface SuccessCriterion {
  /** "1.4.10" */
  id: string;
  level: Level;
  standard: Standard;
  ja: string;
  en: string;
  /** Removed from WCAG 2.2 (4.1.1 Parsing); still one of JIS X 8341-3:2016's criteria. */
  obsoleteIn22?: boolean;
}

const sc = (id: string, level: Level, standard: Standard, ja: string, en: string, obsoleteIn22 = false): SuccessCriterion =>
  obsoleteIn22 ? { id, level, standard, ja, en, obsoleteIn22 } : { id, level, standard, ja, en };

export const SUCCESS_CRITERIA: SuccessCriterion[] = [
  sc("1.1.1", "A", "2.0", "非テキストコンテンツ", "Non-text Content"),
  sc("1.2.1", "A", "2.0", "音声のみ及び映像のみ（収録済）", "Audio-only and Video-only (Prerecorded)"),
  sc("1.2.2", "A", "2.0", "キャプション（収録済）", "Captions (Prerecorded)"),
  sc("1.2.3", "A", "2.0", "音声解説、又はメディアに対する代替（収録済）", "Audio Description or Media Alternative (Prerecorded)"),
  sc("1.2.4", "AA", "2.0", "キャプション（ライブ）", "Captions (Live)"),
  sc("1.2.5", "AA", "2.0", "音声解説（収録済）", "Audio Description (Prerecorded)"),
  sc("1.3.1", "A", "2.0", "情報及び関係性", "Info and Relationships"),
  sc("1.3.2", "A", "2.0", "意味のある順序", "Meaningful Sequence"),
  sc("1.3.3", "A", "2.0", "感覚的な特徴", "Sensory Characteristics"),
  sc("1.3.4", "AA", "2.1", "表示の向き", "Orientation"),
  sc("1.3.5", "AA", "2.1", "入力目的の特定", "Identify Input Purpose"),
  sc("1.4.1", "A", "2.0", "色の使用", "Use of Color"),
  sc("1.4.2", "A", "2.0", "音声の制御", "Audio Control"),
  sc("1.4.3", "AA", "2.0", "コントラスト（最低限）", "Contrast (Minimum)"),
  sc("1.4.4", "AA", "2.0", "テキストのサイズ変更", "Resize Text"),
  sc("1.4.5", "AA", "2.0", "文字画像", "Images of Text"),
  sc("1.4.10", "AA", "2.1", "リフロー", "Reflow"),
  sc("1.4.11", "AA", "2.1", "非テキストのコントラスト", "Non-text Contrast"),
  sc("1.4.12", "AA", "2.1", "テキストの間隔", "Text Spacing"),
  sc("1.4.13", "AA", "2.1", "ホバー又はフォーカスで表示されるコンテンツ", "Content on Hover or Focus"),
  sc("2.1.1", "A", "2.0", "キーボード", "Keyboard"),
  sc("2.1.2", "A", "2.0", "キーボードトラップなし", "No Keyboard Trap"),
  sc("2.1.4", "A", "2.1", "文字キーのショートカット", "Character Key Shortcuts"),
  sc("2.2.1", "A", "2.0", "タイミング調整可能", "Timing Adjustable"),
  sc("2.2.2", "A", "2.0", "一時停止、停止、非表示", "Pause, Stop, Hide"),
  sc("2.3.1", "A", "2.0", "3回の閃光、又は閾値以下", "Three Flashes or Below Threshold"),
  sc("2.4.1", "A", "2.0", "ブロックスキップ", "Bypass Blocks"),
  sc("2.4.2", "A", "2.0", "ページタイトル", "Page Titled"),
  sc("2.4.3", "A", "2.0", "フォーカス順序", "Focus Order"),
  sc("2.4.4", "A", "2.0", "リンクの目的（コンテキスト内）", "Link Purpose (In Context)"),
  sc("2.4.5", "AA", "2.0", "複数の手段", "Multiple Ways"),
  sc("2.4.6", "AA", "2.0", "見出し及びラベル", "Headings and Labels"),
  sc("2.4.7", "AA", "2.0", "フォーカスの可視化", "Focus Visible"),
  sc("2.4.11", "AA", "2.2", "フォーカスの非隠蔽（最低限）", "Focus Not Obscured (Minimum)"),
  sc("2.5.1", "A", "2.1", "ポインタのジェスチャ", "Pointer Gestures"),
  sc("2.5.2", "A", "2.1", "ポインタのキャンセル", "Pointer Cancellation"),
  sc("2.5.3", "A", "2.1", "名前（name）のラベル", "Label in Name"),
  sc("2.5.4", "A", "2.1", "動きによる起動", "Motion Actuation"),
  sc("2.5.7", "AA", "2.2", "ドラッグ動作", "Dragging Movements"),
  sc("2.5.8", "AA", "2.2", "ターゲットのサイズ（最低限）", "Target Size (Minimum)"),
  sc("3.1.1", "A", "2.0", "ページの言語", "Language of Page"),
  sc("3.1.2", "AA", "2.0", "一部分の言語", "Language of Parts"),
  sc("3.2.1", "A", "2.0", "フォーカス時", "On Focus"),
  sc("3.2.2", "A", "2.0", "入力時", "On Input"),
  sc("3.2.3", "AA", "2.0", "一貫したナビゲーション", "Consistent Navigation"),
  sc("3.2.4", "AA", "2.0", "一貫した識別性", "Consistent Identification"),
  sc("3.2.6", "A", "2.2", "一貫したヘルプ", "Consistent Help"),
  sc("3.3.1", "A", "2.0", "エラーの特定", "Error Identification"),
  sc("3.3.2", "A", "2.0", "ラベル又は説明", "Labels or Instructions"),
  sc("3.3.3", "AA", "2.0", "エラー修正の提案", "Error Suggestion"),
  sc("3.3.4", "AA", "2.0", "エラー回避（法的、金融、データ）", "Error Prevention (Legal, Financial, Data)"),
  sc("3.3.7", "A", "2.2", "冗長な入力", "Redundant Entry"),
  sc("3.3.8", "AA", "2.2", "アクセシブルな認証（最低限）", "Accessible Authentication (Minimum)"),
  sc("4.1.1", "A", "2.0", "構文解析", "Parsing", true),
  sc("4.1.2", "A", "2.0", "名前（name）・役割（role）及び値（value）", "Name, Role, Value"),
  sc("4.1.3", "AA", "2.1", "ステータスメッセージ", "Status Messages"),
];

/**
 * The criterion an axe rule tag names: "wcag111" → "1.1.1", "wcag1410" → "1.4.10", "wcag2411" → "2.4.11".
 * WCAG's principles and guidelines are single digits, so the rest is the criterion's number. Level tags
 * ("wcag2aa", "wcag21a") and others give null.
 */
export function criterionOfAxeTag(tag: string): string | null {
  const m = /^wcag(\d)(\d)(\d{1,2})$/.exec(tag);
  return m ? `${m[1]}.${m[2]}.${Number(m[3])}` : null;
}
