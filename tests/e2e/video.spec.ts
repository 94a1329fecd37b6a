import { expect, test } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { expectAccessible, login, logout } from "./helpers";

// The committee uploads a lecture placed in this module (content: <Video video="plan-and-monitoring-lecture" />),
// adds captions and publishes it; a demo trainee who has not started anything watches it.
const SLUG = "plan-and-monitoring";
const FRESH_TRAINEE = "nana.yamaguchi@example.jp";
const VIDEO = "plan-and-monitoring-lecture";
const work = mkdtempSync(join(tmpdir(), "tsunagu-e2e-video-"));
const clip = join(work, "lecture.mp4");
const goodVtt = join(work, "ja.vtt");
const badVtt = join(work, "bad.vtt");

interface Fm {
  sections: { id: string }[];
  check: { questions: { id: string; correct: string[] }[] };
}
const fm = parse(readFileSync(join(import.meta.dirname, `../../content/modules/individual/${SLUG}.mdx`), "utf8").split(/^---$/m)[1]) as Fm;

test.describe.configure({ mode: "serial" });

test.beforeAll(() => {
  // 8 s at 320×240 with a tone: quick to make and to transcode on a small shared machine.
  execFileSync("ffmpeg", [
    "-v",
    "error",
    "-y",
    "-f",
    "lavfi",
    "-i",
    "testsrc=size=320x240:rate=15:duration=8",
    "-f",
    "lavfi",
    "-i",
    "sine=frequency=440:duration=8",
    "-c:v",
    "libx264",
    "-preset",
    "ultrafast",
    "-pix_fmt",
    "yuv420p",
    "-c:a",
    "aac",
    "-shortest",
    clip,
  ]);
  writeFileSync(
    goodVtt,
    "WEBVTT\n\n00:00.000 --> 00:04.000\n計画とモニタリングの講義です。\n\n00:04.000 --> 00:08.000\n本人の望む暮らしから始めます。\n",
  );
  writeFileSync(badVtt, "WEBVTT\n\n00:00.000 --> 00:04.000\nはい\n\n00:0x.000 --> 00:08.000\nいいえ\n");
});

test("the committee uploads a lecture, sees it processed, adds captions and publishes it", async ({ page }) => {
  test.setTimeout(360_000);
  await login(page, "committee");
  await page.goto("/committee/videos");
  await expectAccessible(page);
  // Not a video: refused in Japanese.
  const fake = join(work, "fake.mp4");
  writeFileSync(fake, "not a video ".repeat(100));
  await page.getByLabel("動画ファイル").setInputFiles(fake);
  await page.getByLabel("タイトル（日本語）").fill("偽物");
  await page.getByRole("button", { name: "アップロード開始" }).click();
  await expect(page.getByTestId("upload-message")).toContainText("動画ファイルとして読み取れませんでした", { timeout: 20_000 });

  await page.getByLabel("動画ファイル").setInputFiles(clip);
  await page.getByLabel("タイトル（日本語）").fill("計画とモニタリング 講義");
  await page.getByLabel(/識別名/).fill(VIDEO);
  await page.getByRole("button", { name: "アップロード開始" }).click();
  await expect(page.getByTestId("upload-message")).toContainText("アップロードが完了しました", { timeout: 30_000 });
  const row = page.locator(`tr[data-video="${VIDEO}"]`);
  await expect(row.locator("[data-status]")).toHaveAttribute("data-status", /queued|processing|ready/);
  await expect(row.locator("[data-status]")).toHaveAttribute("data-status", "ready", { timeout: 240_000 });

  await row.getByRole("link").click();
  await page.getByRole("button", { name: "公開する" }).click();
  await expect(page.getByRole("alert")).toContainText("日本語字幕を登録するまで公開できません");
  await page.getByLabel("字幕ファイル (.vtt)").first().setInputFiles(badVtt);
  await page.getByRole("button", { name: "字幕を保存" }).first().click();
  await expect(page.getByRole("alert")).toContainText("6 行目");
  await page.getByLabel("字幕ファイル (.vtt)").first().setInputFiles(goodVtt);
  await page.getByRole("button", { name: "字幕を保存" }).first().click();
  await expect(page.getByText("字幕を保存しました（2 件のキュー）")).toBeVisible();
  await page.getByRole("button", { name: "公開する" }).click();
  await expect(page.getByText("公開しました。")).toBeVisible();
  await expectAccessible(page);
  await logout(page);
});

// The completion gate: sections reached and check passed are not enough while the lecture is unwatched.
test("a trainee watches with captions, resumes at the same place, and the module completes only after watching", async ({ page }) => {
  test.setTimeout(360_000);
  await login(page, FRESH_TRAINEE);
  const base = `/training/modules/${SLUG}`;
  // Everything but the video: every section read (the pager's button) and the check passed.
  await page.goto(`${base}?section=${fm.sections[0].id}`);
  for (let i = 1; i < fm.sections.length; i++) {
    await page.getByRole("button", { name: "次のセクション" }).click();
    await expect(page).toHaveURL(new RegExp(`section=${fm.sections[i].id}`));
  }
  await page.getByRole("button", { name: "確認テストへ進む" }).click();
  await expect(page).toHaveURL(/view=check/);
  for (const q of fm.check.questions) for (const id of q.correct) await page.locator(`input[name="q.${q.id}"][value="${id}"]`).check();
  await page.getByRole("button", { name: "解答を送信する" }).click();
  await expect(page.getByRole("alert")).toContainText("合格");
  await page.goto(`${base}?section=plan`);
  await expect(page.getByText("このモジュールを修了しました")).toHaveCount(0);
  await expect(page.getByText("動画を最後まで（90% 以上）視聴してください")).toBeVisible();
  await expectAccessible(page);

  const video = page.locator(`figure[data-video="${VIDEO}"] video`);
  await expect(video).toBeVisible();
  // Captions are on by default (the Japanese track is showing).
  await expect
    .poll(() =>
      video.evaluate((v: HTMLVideoElement) =>
        Array.from(v.textTracks)
          .map((t) => `${t.language}:${t.mode}`)
          .join(","),
      ),
    )
    .toBe("ja:showing");
  await video.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    return v.play();
  });
  // Real playback: time advances and frames are decoded. Paused early: the player resumes only before the last 3 s.
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 20_000 }).toBeGreaterThan(2);
  const frames = await video.evaluate((v: HTMLVideoElement) => v.getVideoPlaybackQuality().totalVideoFrames);
  expect(frames).toBeGreaterThan(10);
  await video.evaluate((v: HTMLVideoElement) => v.pause());
  const left = await video.evaluate((v: HTMLVideoElement) => v.currentTime);
  await expect(page.getByTestId("watch-status")).toContainText("視聴:");
  await expect(page.getByText("このモジュールを修了しました")).toHaveCount(0);

  // Leave and come back: the player resumes where the trainee stopped.
  await page.goto("/training");
  await page.goto(`${base}?section=plan`);
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 20_000 }).toBeGreaterThan(left - 1.5);
  await expect(page.getByText("このモジュールを修了しました")).toHaveCount(0);

  // Watch to the end: now it counts, and the module is complete.
  await video.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    return v.play();
  });
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.ended), { timeout: 30_000 }).toBe(true);
  // "視聴済み（N%）" is the server's answer to the last report (the in-progress text also mentions 視聴済み).
  await expect(page.getByTestId("watch-status")).toHaveText(/^視聴済み（(9\d|100)%）$/, { timeout: 15_000 });
  await page.reload();
  await expect(page.getByText("このモジュールを修了しました")).toBeVisible();
  await expect(page.getByTestId("watch-status")).toHaveText(/^視聴済み/);
  await expect(page.getByText("動画を最後まで（90% 以上）視聴してください")).toHaveCount(0);
});

test("the committee sees each trainee's watch percentage on /committee/progress and in its CSV", async ({ page }) => {
  await login(page, "committee");
  await page.goto("/committee/progress");
  const table = page.getByRole("table", { name: /動画視聴率/ });
  const headers = await table.locator("thead th").allTextContents();
  const col = headers.indexOf("計画とモニタリング 講義");
  expect(col).toBeGreaterThan(0);
  // The trainee who just watched it: 90 % or more, marked watched.
  const row = table.locator("tbody tr", { has: page.getByRole("rowheader", { name: "山口 奈々" }) });
  await expect(row.locator("th, td").nth(col)).toHaveText(/^(9\d|100)% ✓$/);
  // A demo lecture (made at seed time): a trainee who completed its module has watched it.
  expect(headers.some((h) => h.includes("人材育成の仕組みづくり"))).toBe(true);
  await expectAccessible(page);

  const csv = await (await page.request.get("/committee/progress.csv")).text();
  const lines = csv.replace(/^\uFEFF/, "").split(/\r?\n/);
  // The title and export date come first; the header is the line that starts with the name column.
  const header = lines.find((l) => l.startsWith("氏名,"))!.split(",");
  const csvCol = header.findIndex((h) => h.includes("計画とモニタリング 講義"));
  expect(csvCol).toBeGreaterThan(0);
  const nana = lines.find((l) => l.startsWith("山口 奈々,"))!.split(",");
  expect(Number(nana[csvCol])).toBeGreaterThanOrEqual(90);
  await logout(page);
});
