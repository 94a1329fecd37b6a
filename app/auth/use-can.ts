// `useCan("takeTraining")`: whether the signed-in user holds a capability, for links a page offers.
// Reads the roles the root loader gives every page (app/root.tsx).
import { useRouteLoaderData } from "@remix-run/react";
import { can, type Capability } from "./capabilities";

export function useCan(capability: Capability): boolean {
  const data = useRouteLoaderData("root") as { user: { roles: readonly string[] } | null } | undefined;
  return can(data?.user ?? null, capability);
}
