// A chart's table behind a "show the table" disclosure: the figures are there for screen readers, print and
// anyone who wants numbers, without the same data twice on one screen (issue 14).
import type { ReactNode } from "react";
import { useT } from "~/i18n/react";

export function TableDisclosure({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <details className="chart-table">
      <summary>{t("usability.chart.showTable")}</summary>
      {children}
    </details>
  );
}
