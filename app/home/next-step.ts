// One entry of the home page's "what to do next" list. Its own module, so that the capabilities that
// contribute steps (cycle, evaluation, training, …) import the type without importing the home module.
import type { MessageKey, Params } from "~/i18n";

export interface NextStep {
  key: string;
  to: string;
  title: MessageKey;
  body: MessageKey;
  params?: Params;
}
