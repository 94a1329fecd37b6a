// The tus endpoint for video uploads (POST creates, PATCH appends, HEAD asks the offset, DELETE
// cancels). Every request checks the session and the committee role first.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireCapability } from "~/auth/permissions.server";
import { serverT } from "~/i18n/i18n.server";
import { handleTus } from "~/video/upload.server";

async function handle(request: Request) {
  const user = await requireCapability(request, "runTraining");
  const t = serverT(request, user);
  return handleTus(request, user, (problem) => t(`video.upload.problem.${problem}`));
}

export const loader = ({ request }: LoaderFunctionArgs) => handle(request);
export const action = ({ request }: ActionFunctionArgs) => handle(request);
