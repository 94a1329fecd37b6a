import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { notFound } from "~/auth/permissions.server";
import { useFormat, useT } from "~/i18n/react";
import { verifyCertificate } from "~/scheduling/certificates.server";
import { pageMeta } from "~/lib/meta";
import { JaText } from "~/components/ja-text";

const title = pageMeta("scheduling.verify.title");
export const meta: MetaFunction = (args) => [...title(args), { name: "robots", content: "noindex" }];

/** Public: whether a certificate is valid, with the name, track and year only. */
export async function loader({ params }: LoaderFunctionArgs) {
  const certificate = await verifyCertificate(String(params.code ?? ""));
  if (!certificate) throw notFound();
  return certificate;
}

export default function Verify() {
  const t = useT();
  const format = useFormat();
  const c = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{t("scheduling.verify.title")}</h1>
      <p className={`alert ${c.valid ? "alert-success" : "alert-error"}`} role="status">
        {c.valid ? t("scheduling.verify.valid") : t("scheduling.verify.revoked")}
      </p>
      <dl className="facts">
        <dt>{t("scheduling.verify.name")}</dt>
        <dd>
          <JaText>{c.name}</JaText>
        </dd>
        <dt>{t("scheduling.verify.track")}</dt>
        <dd>{t(`scheduling.track.${c.track as "practical"}`)}</dd>
        <dt>{t("scheduling.verify.year")}</dt>
        <dd>{format.fiscalYear(c.fiscalYear)}</dd>
      </dl>
    </div>
  );
}
