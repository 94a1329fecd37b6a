// The submission list's status filter (issue 13), shared by the server and the page (no server-only imports).
/** NONE: no sheet for the year yet; the others are the sheet's status. */
export const SUBMISSION_STATUSES = ["NONE", "DRAFT", "SUBMITTED", "RETURNED"] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];
