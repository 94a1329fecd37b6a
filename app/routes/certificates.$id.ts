import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/permissions.server";
import { getEnv } from "~/env.server";
import { certificatePdfFor } from "~/scheduling/certificates.server";

/** The certificate PDF: its holder, or the committee. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const origin = getEnv().APP_ORIGIN ?? new URL(request.url).origin;
  const { serial, pdf } = await certificatePdfFor(user, params.id, origin);
  return new Response(Buffer.from(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="certificate-${serial}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
