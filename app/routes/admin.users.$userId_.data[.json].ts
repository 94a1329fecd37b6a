import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCapability } from "~/auth/permissions.server";
import { idParam } from "~/lib/params";
import { personalData } from "~/privacy/person.server";

/** A person's data as JSON, for the secretariat answering the person's request (issue 19); logged as a read. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireCapability(request, "administer");
  const userId = idParam(params.userId);
  const data = await personalData(admin, userId);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="tsunagu-person-${userId}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
