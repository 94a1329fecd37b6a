// 修了証 as an A4 PDF, written with PDFKit (see docs/decisions/017-certificate-pdf-with-pdfkit.md):
// Noto Sans JP embedded as a subset that every common engine draws (poppler, MuPDF, Ghostscript), a
// tagged PDF with its language set (ja-JP) so a screen reader reads it in order, and a QR code to
// /verify/<code>. The issuer (the city's department or the mayor, optional seal) is set by an
// administrator; the certificate states the training's dates and hours.
import { fiscalYearLabelJa, jstParts } from "~/lib/fiscal-year";
import { japanesePdf, type PdfFont } from "~/lib/pdf.server";

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
  /** The session's days (group and practical tracks). */
  days?: { startsAt: Date; endsAt: Date }[];
  /** The training's length in minutes (the days' hours, or the on-demand modules' study time). */
  minutes?: number | null;
  /** Set by an administrator; null when not set yet. */
  issuer?: { nameJa: string; seal?: Uint8Array | null } | null;
}

/** 令和8年11月23日 */
export function eraDateJa(date: Date): string {
  const p = jstParts(date);
  const year = p.year - 2018;
  return `令和${year === 1 ? "元" : year}年${p.month}月${p.day}日`;
}

/** 令和8年11月23日、11月30日 (each day once, in order). */
export function daysJa(days: { startsAt: Date }[]): string {
  const sorted = [...days].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  let lastYear = 0;
  const parts: string[] = [];
  for (const d of sorted) {
    const p = jstParts(d.startsAt);
    const label = p.year === lastYear ? `${p.month}月${p.day}日` : eraDateJa(d.startsAt);
    if (!parts.includes(label)) parts.push(label);
    lastYear = p.year;
  }
  return parts.join("、");
}

/** 12時間 / 7時間30分 */
export function hoursJa(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  return m ? `${h}時間${m}分` : `${h}時間`;
}

/** The certificate's lines as text, in reading order (the PDF's tagged text says the same). */
export function certificateLines(c: CertificateFacts) {
  const period =
    c.days && c.days.length
      ? `研修日：${daysJa(c.days)}（${c.days.length}日間${c.minutes ? `・計${hoursJa(c.minutes)}` : ""}）`
      : c.minutes
        ? `学習時間：計${hoursJa(c.minutes)}（${fiscalYearLabelJa(c.fiscalYear)}）`
        : null;
  return {
    title: "修 了 証",
    name: `${c.name} 様`,
    body: ["あなたは", TRACK_NAMES_JA[c.track] ?? c.track, `（${fiscalYearLabelJa(c.fiscalYear)}）`, "の課程を修了したことを証します。"],
    period,
    date: eraDateJa(c.issuedAt),
    issuer: c.issuer?.nameJa ?? null,
    serial: `証書番号 Serial: ${c.serial}`,
    code: `照合コード Verification code: ${c.verificationCode}`,
    verify: `真正性の確認 Verify: ${c.verifyUrl}`,
  };
}

export async function certificatePdf(c: CertificateFacts): Promise<Uint8Array> {
  const lines = certificateLines(c);
  const { default: QRCode } = await import("qrcode"); // heavy: loaded on first use
  const qr = await QRCode.toBuffer(c.verifyUrl, { type: "png", margin: 1, width: 240, errorCorrectionLevel: "M" });
  const pdf = await japanesePdf({ Title: `修了証 ${c.serial}`, Subject: TRACK_NAMES_JA[c.track] ?? c.track });
  const { doc, root } = pdf;
  const { width, height } = doc.page;
  const frame = "#33598c";

  // The frame is decoration: an artifact, not read aloud.
  doc.markContent("Artifact", { type: "Layout" });
  doc
    .lineWidth(3)
    .strokeColor(frame)
    .rect(28, 28, width - 56, height - 56)
    .stroke();
  doc
    .lineWidth(0.8)
    .rect(36, 36, width - 72, height - 72)
    .stroke();
  doc.endMarkedContent();

  // y measured from the top (PDFKit's origin), as on the printed page.
  const centre = (tag: "H1" | "P", text: string, y: number, size: number, font?: PdfFont) =>
    pdf.text(tag, text, { x: 50, y, size, font, width: width - 100, align: "center" });
  centre("H1", lines.title, 110, 40, "bold");
  centre("P", lines.name, 215, 26, "bold");
  lines.body.forEach((l, i) => centre("P", l, 300 + i * 30, l.length > 30 ? 13 : 15));
  if (lines.period) centre("P", lines.period, 440, 12);
  centre("P", lines.date, 500, 15);
  if (lines.issuer) {
    centre("P", lines.issuer, 540, 16, "bold");
    if (c.issuer?.seal) {
      const seal = Buffer.from(c.issuer.seal);
      const textWidth = doc.font("bold").fontSize(16).widthOfString(lines.issuer);
      root.add(
        doc.struct("Figure", { alt: "印影 (seal)" }, () => {
          doc.image(seal, (width + textWidth) / 2 + 8, 528, { fit: [48, 48] });
        }),
      );
    }
  }
  root.add(
    doc.struct("Figure", { alt: `照合用QRコード (verification QR code): ${c.verifyUrl}` }, () => {
      doc.image(qr, 60, height - 180, { width: 110, height: 110 });
    }),
  );
  const small = (text: string, y: number) => pdf.text("P", text, { x: 185, y, size: 9.5 });
  small(lines.serial, height - 160);
  small(lines.code, height - 144);
  small(lines.verify, height - 128);
  return pdf.finish();
}
