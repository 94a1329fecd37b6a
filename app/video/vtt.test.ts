import { describe, expect, it } from "vitest";
import { validateVtt } from "./vtt";

const good = "WEBVTT\n\n00:00.000 --> 00:02.500\nこんにちは。\n\n00:02.500 --> 00:05.000\n相談支援の基本です。\n";

describe("validateVtt", () => {
  it("accepts good captions and gives their text", () => {
    const r = validateVtt(good, 10);
    expect(r).toMatchObject({ ok: true, cues: 2, problems: [] });
    expect(r.text).toBe("こんにちは。\n相談支援の基本です。");
  });
  it("accepts a byte-order mark and CRLF line ends", () => {
    expect(validateVtt("\uFEFF" + good.replace(/\n/g, "\r\n"), 10).ok).toBe(true);
  });
  it("refuses a file without the WEBVTT signature, on line 1", () => {
    const r = validateVtt("00:00.000 --> 00:01.000\nこんにちは\n");
    expect(r.ok).toBe(false);
    expect(r.problems[0].line).toBe(1);
    expect(r.problems[0].reason).toMatch(/WEBVTT/);
  });
  it("names the line of a malformed timestamp", () => {
    const r = validateVtt("WEBVTT\n\n00:00.000 --> 00:02.000\nはい\n\n00:0x.000 --> 00:03.000\nいいえ\n");
    expect(r.ok).toBe(false);
    expect(r.problems.some((p) => p.line === 6)).toBe(true);
  });
  it("refuses cues out of order, reversed, or past the end of the video", () => {
    const r = validateVtt("WEBVTT\n\n00:05.000 --> 00:06.000\nA\n\n00:01.000 --> 00:02.000\nB\n\n00:30.000 --> 00:31.000\nC\n", 10);
    expect(r.ok).toBe(false);
    expect(r.problems.find((p) => p.line === 6)?.reason).toMatch(/start timestamp of previous cue/);
    expect(r.problems.find((p) => p.line === 9)?.reason).toMatch(/after the video ends/);
  });
  it("refuses a file with no cues", () => {
    expect(validateVtt("WEBVTT\n\n").problems).toEqual([{ line: 1, reason: "no cues" }]);
  });
});
