import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/permissions.server";
import { personalData } from "~/privacy/person.server";

/** Everything held about the signed-in person as one JSON file (issue 19, 本人開示). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const data = await personalData(user, user.id);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="tsunagu-my-data-${user.id}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
