import { Link } from "@remix-run/react";
import { useT } from "~/i18n/react";

export function Pagination({ page, pages, params }: { page: number; pages: number; params: Record<string, string> }) {
  const t = useT();
  if (pages <= 1) return null;
  const href = (p: number) => `?${new URLSearchParams({ ...params, page: String(p) }).toString()}`;
  return (
    <nav aria-label={t("pagination.label")} className="pagination">
      {page > 1 ? <Link to={href(page - 1)}>{t("pagination.previous")}</Link> : null}
      <span aria-current="page">{t("pagination.status", { page, pages })}</span>
      {page < pages ? <Link to={href(page + 1)}>{t("pagination.next")}</Link> : null}
    </nav>
  );
}
