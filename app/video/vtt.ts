// WebVTT captions: validated with webvtt-parser (the W3C validator's parser) plus the checks a
// lecture's captions need: at least one cue, cues in time order, none past the video's end.
import webvtt from "webvtt-parser";

export interface VttProblem {
  line: number;
  reason: string;
}

export interface VttResult {
  ok: boolean;
  problems: VttProblem[];
  cues: number;
  /** The cue texts one per line, usable as a plain transcript. */
  text: string;
}

export const MAX_VTT_BYTES = 512 * 1024;

export function validateVtt(raw: string, durationSeconds?: number | null): VttResult {
  const input = raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const problems: VttProblem[] = [];
  if (input.length > MAX_VTT_BYTES) return { ok: false, problems: [{ line: 1, reason: "too large (over 512 KB)" }], cues: 0, text: "" };
  const { WebVTTParser } = webvtt as unknown as { WebVTTParser: new () => import("webvtt-parser").WebVTTParser };
  const parsed = new WebVTTParser().parse(input, "subtitles");
  for (const e of parsed.errors) problems.push({ line: e.line, reason: e.message });
  // Line of each cue's timing line, to place our own problems.
  const timingLines: number[] = [];
  input.split("\n").forEach((l, i) => {
    if (l.includes("-->")) timingLines.push(i + 1);
  });
  if (!parsed.cues.length && !problems.length) problems.push({ line: 1, reason: "no cues" });
  let previousStart = -1;
  parsed.cues.forEach((cue, i) => {
    const line = timingLines[i] ?? 1;
    if (cue.endTime <= cue.startTime && !problems.some((p) => p.line === line))
      problems.push({ line, reason: "the cue ends before it starts" });
    if (cue.startTime < previousStart && !problems.some((p) => p.line === line))
      problems.push({ line, reason: "cues are not in time order" });
    if (durationSeconds && cue.startTime > durationSeconds + 0.5)
      problems.push({ line, reason: `the cue starts after the video ends (${durationSeconds.toFixed(1)} s)` });
    if (!cue.text.trim()) problems.push({ line, reason: "the cue has no text" });
    previousStart = cue.startTime;
  });
  problems.sort((a, b) => a.line - b.line);
  return {
    ok: problems.length === 0,
    problems,
    cues: parsed.cues.length,
    text: parsed.cues.map((c) => c.text.replace(/<[^>]+>/g, "").trim()).join("\n"),
  };
}
