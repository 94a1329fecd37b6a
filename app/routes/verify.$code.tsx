import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { notFound } from "~/auth/permissions.server";
import { prisma } from "~/db.server";
import { useFormat, useT } from "~/i18n/react";

export const meta: MetaFunction = () => [
  { title: "修了証の確認 / Certificate verification – つなぐ" },
  { name: "robots", content: "noindex" },
];

/** Public: whether a certificate is valid, with the name, track and year only. */
export async function loader({ params }: LoaderFunctionArgs) {
  const code = String(params.code ?? "").toUpperCase();
  if (!/^[A-Z0-9]{6,32}$/.test(code)) throw notFound();
  const c = await prisma.certificate.findUnique({
    where: { verificationCode: code },
    include: { user: { select: { displayName: true } } },
  });
  if (!c) throw notFound();
  return { valid: !c.revokedAt, name: c.holderName || c.user.displayName, track: c.track, fiscalYear: c.fiscalYear };
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
        <dd>{c.name}</dd>
        <dt>{t("scheduling.verify.track")}</dt>
        <dd>{t(`scheduling.track.${c.track as "practical"}`)}</dd>
        <dt>{t("scheduling.verify.year")}</dt>
        <dd>{format.fiscalYear(c.fiscalYear)}</dd>
      </dl>
    </div>
  );
}
