// 受講決定通知 (notice of acceptance) as an A4 PDF, drawn like the certificate (app/scheduling/certificate-pdf.server.ts,
// decision 017): PDFKit, Noto Sans JP embedded as a subset, a tagged PDF in Japanese, the same fonts loaded once.
import { fiscalYearLabelJa } from "~/lib/fiscal-year";
import { japanesePdf, type PdfFont } from "~/lib/pdf.server";
import { TRACK_NAMES_JA, daysJa, eraDateJa } from "~/scheduling/certificate-pdf.server";

export interface DecisionFacts {
  name: string;
  track: string;
  fiscalYear: number;
  titleJa: string;
  decidedAt: Date;
  number: string;
  days: { startsAt: Date; endsAt: Date }[];
  venue: string;
  issuerJa?: string | null;
}

/** The notice's lines as text, in reading order (the PDF's tagged text says the same). */
export function decisionLines(d: DecisionFacts) {
  return {
    number: `通知番号 ${d.number}`,
    date: eraDateJa(d.decidedAt),
    name: `${d.name} 様`,
    title: "受講決定通知書",
    body: [
      `${fiscalYearLabelJa(d.fiscalYear)} ${TRACK_NAMES_JA[d.track] ?? d.track}`,
      `「${d.titleJa}」`,
      "について、あなたの受講を決定しましたので通知します。",
    ],
    days: d.days.length ? `研修日：${daysJa(d.days)}` : null,
    venue: d.venue ? `会場：${d.venue}` : null,
    issuer: d.issuerJa ?? "障害者自立支援協議会 研修企画委員会",
  };
}

export async function decisionPdf(d: DecisionFacts): Promise<Uint8Array> {
  const lines = decisionLines(d);
  const pdf = await japanesePdf({ Title: `受講決定通知書 ${d.number}`, Subject: TRACK_NAMES_JA[d.track] ?? d.track });
  const { width } = pdf.doc.page;
  const put = (tag: "H1" | "P", text: string, y: number, size: number, align: "left" | "center" | "right", font?: PdfFont) =>
    pdf.text(tag, text, { x: 60, y, size, font, width: width - 120, align });
  put("P", lines.number, 60, 10.5, "right");
  put("P", lines.date, 78, 10.5, "right");
  put("P", lines.name, 130, 16, "left", "bold");
  put("H1", lines.title, 200, 26, "center", "bold");
  lines.body.forEach((l, i) => put("P", l, 280 + i * 26, l.length > 34 ? 11.5 : 13, "left"));
  let y = 380;
  if (lines.days) {
    put("P", lines.days, y, 12, "left");
    y += 24;
  }
  if (lines.venue) put("P", lines.venue, y, 12, "left");
  put("P", lines.issuer, 520, 13, "right", "bold");
  return pdf.finish();
}
