// One palette for every chart: the Okabe–Ito colours that keep at least 3:1 against white (WCAG 1.4.11),
// so series stay apart for colour-blind readers and on a washed-out projector. Ratios are against #ffffff.
// Decision 048. Text never takes a series colour: legends and labels use the ink colour (4.5:1, WCAG 1.4.3).
export const CHART_COLORS = {
  blue: "#0072B2", // 5.19:1
  vermillion: "#D55E00", // 3.87:1
  bluishGreen: "#009E73", // 3.42:1
  reddishPurple: "#CC79A7", // 3.06:1
  black: "#000000", // 21:1
  grey: "#8C8C8C", // 3.36:1 (a muted series, still a visible mark)
  darkGrey: "#404040", // 10.37:1
} as const;

/** The colour of the text in charts (the page's ink, --ink). */
export const CHART_INK = "#1b1f23";
/** Grid lines: decoration only, so they may stay light. */
export const CHART_GRID = "#c9d1d3";

/** Series in order, for charts whose series have no fixed meaning. */
export const SERIES_COLORS = [
  CHART_COLORS.blue,
  CHART_COLORS.vermillion,
  CHART_COLORS.bluishGreen,
  CHART_COLORS.reddishPurple,
  CHART_COLORS.black,
];
