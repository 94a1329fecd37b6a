import { prisma } from "~/db.server";
import type { Locale } from "~/i18n";

/** Offices for a select list, with the ward's name in the user's language. */
export async function officeOptions(locale: Locale) {
  const offices = await prisma.office.findMany({
    where: { active: true },
    orderBy: [{ ward: { sortOrder: "asc" } }, { name: "asc" }],
    include: { ward: true },
  });
  return offices.map((o) => ({ id: o.id, name: o.name, wardName: locale === "ja" ? o.ward.nameJa : o.ward.nameEn }));
}
