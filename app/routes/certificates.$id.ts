import type { LoaderFunctionArgs } from "@remix-run/node";
import { forbidden, notFound, requireUser } from "~/auth/permissions.server";
import { hasAnyRole } from "~/auth/roles";
import { prisma } from "~/db.server";
import { getEnv } from "~/env.server";
import { certificatePdf } from "~/scheduling/certificate-pdf.server";

/** The certificate PDF: its holder, or the committee. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = Number(params.id);
  if (!Number.isInteger(id) || id <= 0) throw notFound();
  const c = await prisma.certificate.findUnique({ where: { id }, include: { user: true } });
  if (!c) throw notFound();
  if (c.userId !== user.id && !hasAnyRole(user, ["PLANNING_COMMITTEE", "ADMINISTRATOR"])) throw forbidden();
  const origin = getEnv().APP_ORIGIN ?? new URL(request.url).origin;
  const pdf = await certificatePdf({
    name: c.user.displayName,
    track: c.track,
    fiscalYear: c.fiscalYear,
    issuedAt: c.issuedAt,
    serial: c.serial,
    verificationCode: c.verificationCode,
    verifyUrl: `${origin}/verify/${c.verificationCode}`,
  });
  return new Response(Buffer.from(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="certificate-${c.serial}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
