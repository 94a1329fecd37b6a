// ffprobe and ffmpeg from the operating system's packages (Debian: apt-get install ffmpeg).
// HLS: H.264 (Main) + AAC-LC in MPEG-TS segments of 4 s, renditions 360p and 720p, one master
// playlist — what Chromium plays through Media Source Extensions (hls.js) and Safari natively.
// See docs/decisions/024-video-hls-h264-hlsjs-player.md.
import { spawn } from "node:child_process";
import { envVar } from "~/env.server";
import { buildHlsArgs, parseProbe, type ProbeResult } from "./media";

const FFMPEG = envVar("FFMPEG_PATH") || "ffmpeg";
const FFPROBE = envVar("FFPROBE_PATH") || "ffprobe";

function run(cmd: string, args: string[], onStdout?: (chunk: string) => void): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => {
      if (onStdout) onStdout(c);
      else stdout += c;
    });
    child.stderr.setEncoding("utf8").on("data", (c: string) => {
      stderr = (stderr + c).slice(-4000);
    });
    child.on("error", reject);
    child.on("close", (code) => resolvePromise({ code: code ?? 1, stdout, stderr }));
  });
}

/** Probes a file; null when ffprobe cannot read it as media at all. */
export async function probe(path: string): Promise<ProbeResult | null> {
  const r = await run(FFPROBE, ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", path]);
  if (r.code !== 0) return null;
  try {
    return parseProbe(JSON.parse(r.stdout));
  } catch {
    return null;
  }
}

/** Makes the HLS renditions into `outDir`, reporting 0–100 as it goes. Throws with ffmpeg's last words on failure. */
export async function transcodeHls(input: string, outDir: string, info: ProbeResult, onPercent: (p: number) => void): Promise<void> {
  let last = -1;
  let buffer = "";
  const r = await run(FFMPEG, buildHlsArgs(input, outDir, info), (chunk) => {
    buffer += chunk;
    const lines = buffer.split("\n");
    buffer = lines.pop() ?? "";
    for (const line of lines) {
      const m = /^out_time_us=(\d+)/.exec(line);
      if (m && info.duration > 0) {
        const p = Math.min(99, Math.floor((Number(m[1]) / 1e6 / info.duration) * 100));
        if (p !== last) {
          last = p;
          onPercent(p);
        }
      }
    }
  });
  if (r.code !== 0) throw new Error(`ffmpeg failed: ${r.stderr.trim().split("\n").slice(-3).join(" ")}`);
}

export async function poster(input: string, out: string, duration: number): Promise<void> {
  const at = Math.min(5, duration / 3).toFixed(2);
  const r = await run(FFMPEG, ["-v", "error", "-y", "-ss", at, "-i", input, "-frames:v", "1", "-vf", "scale=-2:720", "-q:v", "4", out]);
  if (r.code !== 0) throw new Error(`poster failed: ${r.stderr.trim().split("\n").pop()}`);
}

export async function ffmpegAvailable(): Promise<boolean> {
  try {
    return (await run(FFMPEG, ["-version"])).code === 0 && (await run(FFPROBE, ["-version"])).code === 0;
  } catch {
    return false;
  }
}

export { run as runProcess, FFMPEG };
