// The counter's pricing rules, one place for the core that charges and the screen that shows the cart.

/** Shelf prices include tax, as most pharmacies mark them; the receipt shows the tax within. */
export const PRICES_INCLUDE_TAX = true;

/** The smallest coin, in minor units: cash is rounded to it. */
export const CASH_INCREMENT_MINOR = 1;
