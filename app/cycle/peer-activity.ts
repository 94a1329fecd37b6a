// What kinds of peer activity an office can log (shared by the form and the server).
export const PEER_ACTIVITY_KINDS = ["VISIT", "EXCHANGE", "STUDY", "SHADOWING"] as const;
export type PeerActivityKind = (typeof PEER_ACTIVITY_KINDS)[number];
