declare module "webvtt-parser" {
  export interface Cue {
    id: string;
    startTime: number;
    endTime: number;
    text: string;
  }
  export interface ParseError {
    message: string;
    line: number;
    col?: number;
  }
  export class WebVTTParser {
    parse(input: string, mode?: "subtitles" | "captions" | "metadata" | "chapters"): { cues: Cue[]; errors: ParseError[] };
  }
}
