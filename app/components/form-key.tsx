import { useRouteLoaderData } from "@remix-run/react";

/** The one-time key of this rendered page's creating forms (app/lib/form-key.server.ts): put it in every such form. */
export function FormKey() {
  const root = useRouteLoaderData<{ formKey?: string }>("root");
  return root?.formKey ? <input type="hidden" name="formKey" value={root.formKey} /> : null;
}
