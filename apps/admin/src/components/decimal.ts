// Exact sums of decimal money strings (bigint minor units): shares must add up to the pool to the last fen.
// The arithmetic is the domain's.
export { sumDecimals } from '@iron-triangle/domain';
