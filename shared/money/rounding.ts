// Integer arithmetic for money in minor units. Products of a price, a quantity and a rate can pass
// 2^53, so they are taken in BigInt and only the rounded result comes back as a number.

/** numerator / denominator rounded half away from zero (a half cent is always the customer's full cent). */
export function divideRounded(numerator: bigint, denominator: bigint): number {
  if (denominator <= 0n) throw new RangeError('A money division needs a positive divisor.');
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const quotient = (magnitude * 2n + denominator) / (denominator * 2n);
  return Number(negative ? -quotient : quotient);
}

/** amount × numerator / denominator, rounded half away from zero. */
export function scaleRounded(amountMinor: number, numerator: number, denominator: number): number {
  return divideRounded(BigInt(amountMinor) * BigInt(numerator), BigInt(denominator));
}

/**
 * Splits `totalMinor` over parts in proportion to their weights so the shares add up to the total
 * exactly: each part gets its floor, and the minor units left go to the largest remainders, the
 * earlier part first on a tie.
 */
export function allocateProportionally(totalMinor: number, weights: readonly number[]): number[] {
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  if (weightSum <= 0) return weights.map(() => 0);
  const total = BigInt(totalMinor);
  const sum = BigInt(weightSum);
  const shares = weights.map((weight) => {
    const product = total * BigInt(weight);
    return { floor: product / sum, remainder: product % sum };
  });
  let left = total - shares.reduce((allocated, share) => allocated + share.floor, 0n);
  const order = shares.map((share, index) => ({ index, remainder: share.remainder })).sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  const result = shares.map((share) => share.floor);
  for (const { index } of order) {
    if (left <= 0n) break;
    result[index] = (result[index] ?? 0n) + 1n;
    left -= 1n;
  }
  return result.map(Number);
}

/** The amount rounded to the nearest multiple of `incrementMinor` (5 for a currency whose smallest coin is 0.05). */
export function roundToIncrement(amountMinor: number, incrementMinor: number): number {
  if (incrementMinor <= 1) return amountMinor;
  return divideRounded(BigInt(amountMinor), BigInt(incrementMinor)) * incrementMinor;
}
