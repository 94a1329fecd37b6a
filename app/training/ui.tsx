// Small shared pieces of the training pages.
import type { ModuleStatus } from "./grading";
import { useT } from "~/i18n/react";

export function StatusBadge({ status }: { status: ModuleStatus }) {
  const t = useT();
  return <span className={`badge badge-${status}`}>{t(`training.status.${status}`)}</span>;
}
