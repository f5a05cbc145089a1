/**
 * Why the server left a figure null for this viewer (GraphQL enum WithheldReason): sums of order
 * amounts must rest on at least 3 orders and 3 supplier–buyer pairs for viewers who may not see the
 * single amounts. Shown with `orWithheld` (i18n) in place of the figure.
 */
export type WithheldReason = 'TOO_FEW_ORDERS' | 'TOO_FEW_COUNTERPARTIES' | 'REVEALS_WITHHELD';
