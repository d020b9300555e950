// Money on the GraphQL face: bigint minor units + currency → the contract's decimal string.
import { CURRENCY_EXPONENTS, formatMinor } from '@iron-triangle/domain';

export function moneyString(minor: bigint | null | undefined, currency: string): string | null {
  if (minor === null || minor === undefined) return null;
  return formatMinor(minor, CURRENCY_EXPONENTS[currency] ?? 2);
}
