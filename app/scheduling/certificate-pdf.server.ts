// 修了証 as an A4 PDF: Noto Sans JP embedded (subset), a QR code to /verify/<code>.
import fontkit from "@pdf-lib/fontkit";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { PDFDocument, rgb } from "pdf-lib";
import QRCode from "qrcode";
import { fiscalYearLabelJa, jstParts } from "~/lib/fiscal-year";

const require = createRequire(import.meta.url);
let fonts: Promise<[Buffer, Buffer]> | null = null;
function loadFonts() {
  fonts ??= Promise.all([
    readFile(require.resolve("@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf")),
    readFile(require.resolve("@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf")),
  ]);
  return fonts;
}

export const TRACK_NAMES_JA: Record<string, string> = {
  "basic-ondemand": "障害者ケアマネジメント従事者養成研修 基礎研修（前期・オンデマンド）",
  "basic-group": "障害者ケアマネジメント従事者養成研修 基礎研修（後期・集合研修）",
  practical: "障害者ケアマネジメント従事者養成研修 実践研修",
};

export interface CertificateFacts {
  name: string;
  track: string;
  fiscalYear: number;
  issuedAt: Date;
  serial: string;
  verificationCode: string;
  verifyUrl: string;
}

/** 令和8年11月23日 */
export function eraDateJa(date: Date): string {
  const p = jstParts(date);
  const year = p.year - 2018;
  return `令和${year === 1 ? "元" : year}年${p.month}月${p.day}日`;
}

export async function certificatePdf(c: CertificateFacts): Promise<Uint8Array> {
  const [regularBytes, boldBytes] = await loadFonts();
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(`修了証 ${c.serial}`);
  doc.setLanguage("ja-JP");
  const regular = await doc.embedFont(regularBytes, { subset: true });
  const bold = await doc.embedFont(boldBytes, { subset: true });
  const page = doc.addPage([595.28, 841.89]); // A4
  const { width, height } = page.getSize();
  const ink = rgb(0.1, 0.1, 0.12);
  const centre = (text: string, y: number, size: number, font = regular) =>
    page.drawText(text, { x: (width - font.widthOfTextAtSize(text, size)) / 2, y, size, font, color: ink });

  page.drawRectangle({ x: 28, y: 28, width: width - 56, height: height - 56, borderColor: rgb(0.2, 0.35, 0.55), borderWidth: 3 });
  page.drawRectangle({ x: 36, y: 36, width: width - 72, height: height - 72, borderColor: rgb(0.2, 0.35, 0.55), borderWidth: 0.8 });
  centre("修 了 証", height - 150, 40, bold);
  centre(`${c.name} 様`, height - 250, 26, bold);
  const lines = [
    "あなたは",
    TRACK_NAMES_JA[c.track] ?? c.track,
    `（${fiscalYearLabelJa(c.fiscalYear)}）`,
    "の課程を修了したことを証します。",
  ];
  lines.forEach((l, i) => centre(l, height - 330 - i * 30, l.length > 30 ? 13 : 15));
  centre(eraDateJa(c.issuedAt), height - 500, 15);
  centre("障害者自立支援協議会 企画委員会", height - 540, 16, bold);

  const qr = await QRCode.toBuffer(c.verifyUrl, { type: "png", margin: 1, width: 240, errorCorrectionLevel: "M" });
  const image = await doc.embedPng(qr);
  page.drawImage(image, { x: 60, y: 70, width: 110, height: 110 });
  const small = (text: string, y: number) => page.drawText(text, { x: 185, y, size: 9.5, font: regular, color: ink });
  small(`証書番号 Serial: ${c.serial}`, 150);
  small(`照合コード Verification code: ${c.verificationCode}`, 134);
  small(`真正性の確認 Verify: ${c.verifyUrl}`, 118);
  return doc.save();
}
