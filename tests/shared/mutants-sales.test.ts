import { describe, expect, it } from 'vitest';
import { discountLimitOf, saleDiscountLimitsBasisPoints } from '#shared/modules/sales/discount-limits.ts';

// The discount a role may give, which the core checks on every sale (sales.create): stated here,
// not read back from the table, so a change to the limits is a change to this test.

describe('discount limits', () => {
  it('lets a pharmacist give a tenth of the gross and an admin all of it', () => {
    expect(saleDiscountLimitsBasisPoints).toEqual({ PHARMACIST: 1_000, ADMIN: 10_000 });
    expect(discountLimitOf(['PHARMACIST'])).toBe(1_000);
    expect(discountLimitOf(['ADMIN'])).toBe(10_000);
  });

  it('gives no discount to a role not listed, nor to no role', () => {
    expect(discountLimitOf(['DOCTOR'])).toBe(0);
    expect(discountLimitOf([])).toBe(0);
  });

  it('gives a person with several roles the largest limit of theirs, in any order', () => {
    expect(discountLimitOf(['DOCTOR', 'PHARMACIST'])).toBe(1_000);
    expect(discountLimitOf(['PHARMACIST', 'DOCTOR'])).toBe(1_000);
    expect(discountLimitOf(['ADMIN', 'PHARMACIST'])).toBe(10_000);
    expect(discountLimitOf(['PHARMACIST', 'ADMIN'])).toBe(10_000);
  });
});
