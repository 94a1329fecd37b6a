// The training funnel per fiscal year: trainees who completed the on-demand track, the group
// sessions and the practical training. Reusable by the subcommittee's dashboard.
import { prisma } from "~/db.server";
import { curriculumSlugs } from "~/training/training.server";

export interface Funnel {
  fiscalYear: number;
  onDemand: number;
  group: number;
  practical: number;
  /** Figures the council reported for years before the platform (no rows behind them). */
  reported: boolean;
}

/** The council's published figures (事業報告) for years before Tsunagu held the records. */
export const REPORTED_FUNNELS: Record<number, Omit<Funnel, "fiscalYear" | "reported">> = {
  2023: { onDemand: 67, group: 14, practical: 29 },
};

export async function trainingFunnel(fiscalYear: number): Promise<Funnel> {
  const slugs = await curriculumSlugs(fiscalYear);
  const [progress, certificates] = await Promise.all([
    slugs.length
      ? prisma.moduleProgress.groupBy({
          by: ["userId"],
          where: { slug: { in: slugs }, completedAt: { not: null } },
          _count: { _all: true },
        })
      : Promise.resolve([]),
    prisma.certificate.findMany({ where: { fiscalYear, revokedAt: null }, select: { userId: true, track: true } }),
  ]);
  const onDemand = new Set(progress.filter((p) => p._count._all === slugs.length).map((p) => p.userId));
  const byTrack = (track: string) => new Set(certificates.filter((c) => c.track === track).map((c) => c.userId));
  for (const id of byTrack("basic-ondemand")) onDemand.add(id);
  const out = {
    fiscalYear,
    onDemand: onDemand.size,
    group: byTrack("basic-group").size,
    practical: byTrack("practical").size,
    reported: false,
  };
  const reported = REPORTED_FUNNELS[fiscalYear];
  if (reported && out.onDemand + out.group + out.practical === 0) return { fiscalYear, ...reported, reported: true };
  return out;
}

export async function trainingFunnels(years: number[]): Promise<Funnel[]> {
  return Promise.all(years.map((y) => trainingFunnel(y)));
}
