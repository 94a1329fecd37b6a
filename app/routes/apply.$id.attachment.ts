// The file attached to an application, for its applicant, their office's manager or the committee (audited).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { readApplicationFile } from "~/applications/attachment.server";
import { notFound, requireUser } from "~/auth/permissions.server";
import { attachmentResponse } from "~/cases/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const file = await readApplicationFile(user, Number(params.id));
  if (!file) throw notFound();
  return attachmentResponse(request, file);
}
