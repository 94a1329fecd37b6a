import type { LoaderFunctionArgs } from "@remix-run/node";
import { decisionNoticePdfFor } from "~/applications/applications.server";
import { notFound, requireUser } from "~/auth/permissions.server";

/** 受講決定通知 (PDF) of an accepted application: its applicant, or the committee. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = Number(params.id);
  const out = Number.isInteger(id) && id > 0 ? await decisionNoticePdfFor(user, id) : null;
  if (!out) throw notFound();
  return new Response(Buffer.from(out.pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="decision-${out.number}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
