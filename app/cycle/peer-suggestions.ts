// Peer suggestions (ピア研修): for each of an office's weak items, offices of the same ward strong on it.
// Offices are named only where they agreed to be; the others appear as "an office in your ward",
// with a way to ask the subcommittee for an introduction. Pure.

/** An item is weak for an office at 1–2, strong at 4. */
export const WEAK_AT_MOST = 2;
export const STRONG_AT_LEAST = 4;

export interface PeerOffice {
  officeId: number;
  name: string;
  wardId: number;
  agreesToBeNamed: boolean;
  /** item code → rating (only rated items). */
  ratings: Record<string, number>;
}

export interface Suggestion {
  code: string;
  ownRating: number;
  named: { officeId: number; name: string }[];
  /** Offices strong on the item that did not agree to be named: only their number is shown. */
  anonymousCount: number;
}

/** The office's weak items (rated 1–2), lowest first, then by code. */
export function weakCodes(ratings: Record<string, number>): string[] {
  return Object.entries(ratings)
    .filter(([, r]) => r <= WEAK_AT_MOST)
    .sort(([a, ra], [b, rb]) => ra - rb || a.localeCompare(b))
    .map(([code]) => code);
}

export function peerSuggestions(own: PeerOffice, others: PeerOffice[]): Suggestion[] {
  const peers = others.filter((o) => o.wardId === own.wardId && o.officeId !== own.officeId);
  return weakCodes(own.ratings).map((code) => {
    const strong = peers.filter((p) => (p.ratings[code] ?? 0) >= STRONG_AT_LEAST);
    return {
      code,
      ownRating: own.ratings[code],
      named: strong.filter((p) => p.agreesToBeNamed).map((p) => ({ officeId: p.officeId, name: p.name })),
      anonymousCount: strong.filter((p) => !p.agreesToBeNamed).length,
    };
  });
}

/** The office an introduction request about `code` goes to: the first strong office that is not named. */
export function introductionTarget(own: PeerOffice, others: PeerOffice[], code: string): number | null {
  const target = others.find(
    (p) => p.wardId === own.wardId && p.officeId !== own.officeId && !p.agreesToBeNamed && (p.ratings[code] ?? 0) >= STRONG_AT_LEAST,
  );
  return target?.officeId ?? null;
}
