// Pure media logic: reading ffprobe's answer, the upload limits and the ffmpeg HLS command line.

export const MAX_UPLOAD_BYTES = 2_000_000_000; // 2 GB
export const MAX_DURATION_SECONDS = 3 * 60 * 60; // a lecture of at most 3 hours
export const ALLOWED_EXTENSIONS = ["mp4", "m4v", "mov"] as const;
export const ALLOWED_TYPES = ["video/mp4", "video/quicktime", "video/x-m4v", ""] as const;
export const SEGMENT_SECONDS = 4;
export const RENDITIONS = [
  { name: "360p", height: 360, videoKbps: 800, audioKbps: 96 },
  { name: "720p", height: 720, videoKbps: 2500, audioKbps: 128 },
] as const;

export interface ProbeResult {
  duration: number;
  width: number;
  height: number;
  hasVideo: boolean;
  hasAudio: boolean;
  formatName: string;
}

interface FfprobeJson {
  format?: { duration?: string; format_name?: string };
  streams?: { codec_type?: string; width?: number; height?: number; duration?: string; disposition?: { attached_pic?: number } }[];
}

export function parseProbe(json: FfprobeJson): ProbeResult {
  const streams = json.streams ?? [];
  // A cover image inside an audio file is a "video" stream with attached_pic: not a video.
  const video = streams.find((s) => s.codec_type === "video" && !s.disposition?.attached_pic);
  const duration = Number(json.format?.duration ?? video?.duration ?? 0);
  return {
    duration: Number.isFinite(duration) ? duration : 0,
    width: video?.width ?? 0,
    height: video?.height ?? 0,
    hasVideo: !!video,
    hasAudio: streams.some((s) => s.codec_type === "audio"),
    formatName: json.format?.format_name ?? "",
  };
}

export type UploadProblem = "type" | "too-big" | "not-video" | "no-video-stream" | "too-long";

/** Checks an upload's declared name, type and size before any byte is accepted. */
export function checkDeclared(name: string, type: string, size: number | undefined): UploadProblem | null {
  const ext = name.toLowerCase().split(".").pop() ?? "";
  if (!(ALLOWED_EXTENSIONS as readonly string[]).includes(ext) || !(ALLOWED_TYPES as readonly string[]).includes(type)) return "type";
  if (size !== undefined && size > MAX_UPLOAD_BYTES) return "too-big";
  return null;
}

/** Checks what ffprobe found in the finished upload. */
export function checkProbed(p: ProbeResult | null): UploadProblem | null {
  if (!p || !/mov|mp4|m4a|3gp|mj2/.test(p.formatName)) return "not-video";
  if (!p.hasVideo || !p.width || !p.height) return "no-video-stream";
  if (!(p.duration > 0)) return "not-video";
  if (p.duration > MAX_DURATION_SECONDS) return "too-long";
  return null;
}

/** ffmpeg arguments for the HLS renditions (one pass, one decoder, keyframes at segment boundaries). */
export function buildHlsArgs(input: string, outDir: string, info: Pick<ProbeResult, "hasAudio">): string[] {
  const n = RENDITIONS.length;
  const split = `[0:v]split=${n}${RENDITIONS.map((_, i) => `[s${i}]`).join("")}`;
  const scales = RENDITIONS.map((r, i) => `[s${i}]scale=-2:${r.height}:flags=bicubic,format=yuv420p[v${i}]`);
  const args = ["-v", "error", "-nostats", "-progress", "pipe:1", "-y", "-i", input, "-filter_complex", [split, ...scales].join(";")];
  RENDITIONS.forEach((r, i) => {
    args.push("-map", `[v${i}]`);
    if (info.hasAudio) args.push("-map", "0:a:0");
    args.push(
      `-c:v:${i}`,
      "libx264",
      `-b:v:${i}`,
      `${r.videoKbps}k`,
      `-maxrate:v:${i}`,
      `${Math.round(r.videoKbps * 1.2)}k`,
      `-bufsize:v:${i}`,
      `${r.videoKbps * 2}k`,
    );
    if (info.hasAudio) args.push(`-c:a:${i}`, "aac", `-b:a:${i}`, `${r.audioKbps}k`, `-ac:a:${i}`, "2");
  });
  args.push(
    "-profile:v",
    "main",
    "-preset",
    "veryfast",
    "-sc_threshold",
    "0",
    "-force_key_frames",
    `expr:gte(t,n_forced*${SEGMENT_SECONDS})`,
    "-f",
    "hls",
    "-hls_time",
    String(SEGMENT_SECONDS),
    "-hls_playlist_type",
    "vod",
    "-hls_flags",
    "independent_segments",
    "-hls_segment_filename",
    `${outDir}/%v/seg%03d.ts`,
    "-master_pl_name",
    "master.m3u8",
    "-var_stream_map",
    RENDITIONS.map((r, i) => (info.hasAudio ? `v:${i},a:${i},name:${r.name}` : `v:${i},name:${r.name}`)).join(" "),
    `${outDir}/%v/index.m3u8`,
  );
  return args;
}
