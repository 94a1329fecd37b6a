// A file attached to a case, for whoever may read the case (its author, the group, the facilitators).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/permissions.server";
import { readAttachment } from "~/cases/cases.server";
import { attachmentResponse, refuse, sessionIdOf } from "~/cases/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const r = await readAttachment(user, sessionIdOf(params.id), Number(params.attachmentId));
  if (!r.ok) throw refuse(r.reason);
  return attachmentResponse(request, r);
}
