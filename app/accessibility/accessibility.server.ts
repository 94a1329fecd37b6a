// What /accessibility shows besides its text: the date of the last review and where to report a problem.
import { getEnv } from "~/env.server";
import { ACCESSIBILITY_REVIEW_DATE } from "./statement";

export function loadAccessibilityPage() {
  // The same contact as the privacy notice's requests: the council's secretariat (PRIVACY_CONTACT).
  return { reviewedOn: ACCESSIBILITY_REVIEW_DATE, contact: getEnv().PRIVACY_CONTACT ?? null };
}
