/**
 * Which order recordings (order-recordings.ts) are saved again for each later version of the order workflow, under
 * a suffix of its own: the files without a suffix pin the runs of the first version, each suffix the runs started
 * since its change. scripts/record-histories.ts records them all.
 */
import { baseOrderRecordings, webhookTwiceDelivered } from './order-recordings';
import type { Recording } from './recording';

/**
 * Recordings whose runs start after patched('local-steps') (workflows/order-steps.ts), saved again as
 * <name>-local-steps: their steps up to paid are local activities (markers in the history, not activity tasks).
 * The files without the suffix pin the runs started before that patch.
 */
const localStepsNames = [
  'order-delivered',
  'order-declined',
  'order-timeout',
  'order-out-of-stock',
  'order-cancelled-awaiting-payment',
  'order-capture-retry',
];

/**
 * Recordings whose runs start after patched('fewer-steps') (workflows/order.ts), saved again as <name>-fewer-steps:
 * the order placed with its stock held in one local activity (placeOrderAndHold), and paid → processing as a local
 * activity. The -local-steps files pin the runs started between the two patches.
 */
const fewerStepsNames = [
  'order-delivered',
  'order-declined',
  'order-timeout',
  'order-out-of-stock',
  'order-cancelled-awaiting-payment',
  'order-cancelled-processing',
  'order-refunded',
];

/**
 * Recordings whose runs start with the one marker of orders since 2026-12-07 (workflows/order-versions.ts), saved
 * again as <name>-one-marker: no other patch marker, createPayment marks the order awaiting payment (no markOrder),
 * and a card our confirm authorized is not recorded again (no recordPayment; the webhook run still has it). The
 * -fewer-steps files pin the runs started before.
 */
const oneMarkerNames = [
  ...fewerStepsNames,
  'order-guest-unpaid-no-email',
  'order-payment-failed-email',
  'order-capture-retry',
];

/** The same recording, under another name. */
const renamed = (names: string[], suffix: string) =>
  baseOrderRecordings
    .filter(({ name }) => names.includes(name))
    .map((recording) => ({ ...recording, name: `${recording.name}-${suffix}` }));

export const orderRecordings: Recording[] = [
  ...baseOrderRecordings,
  ...renamed(localStepsNames, 'local-steps'),
  webhookTwiceDelivered('order-webhook-duplicates-local-steps'),
  ...renamed(fewerStepsNames, 'fewer-steps'),
  webhookTwiceDelivered('order-webhook-duplicates-fewer-steps'),
  ...renamed(oneMarkerNames, 'one-marker'),
  webhookTwiceDelivered('order-webhook-duplicates-one-marker'),
];
