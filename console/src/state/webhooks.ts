// Pure rules of the Webhooks page.
import type { Webhook } from '../../../protocol';

/** The webhooks Parley turned off after sustained failure: each gets a notice at the top of the page. */
export const failingWebhooks = (webhooks: Webhook[]) =>
  webhooks.filter((w) => !w.enabled && w.disabledReason === 'failing');

/** The events chosen in the form, in the protocol's order (the form keeps a set). */
export const chosenEvents = <E extends string>(all: readonly E[], chosen: Set<E>) => all.filter((e) => chosen.has(e));
