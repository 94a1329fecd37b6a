// Turns a refusal of the cases module into the HTTP answer routes throw.
import { forbidden, notFound } from "~/auth/permissions.server";
import type { Refusal } from "./cases.server";

export function refuse(reason: Refusal | "invalid"): Response {
  if (reason === "not-found") return notFound();
  if (reason === "forbidden") return forbidden();
  return new Response(JSON.stringify({ reason }), {
    status: reason === "invalid" ? 400 : 409,
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
}

export function sessionIdOf(raw: string | undefined): number {
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) throw notFound();
  return id;
}
