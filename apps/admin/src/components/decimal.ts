// Exact sums of decimal money strings (bigint minor units): shares must add up to the pool to the last fen.
export function sumDecimals(values: ReadonlyArray<string | null | undefined>): string {
  const present = values.filter((v): v is string => typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v));
  const scale = Math.max(2, ...present.map((v) => (v.split('.')[1] ?? '').length));
  let total = 0n;
  for (const v of present) {
    const negative = v.startsWith('-');
    const [int = '0', frac = ''] = v.replace('-', '').split('.');
    const units = BigInt(int + frac.padEnd(scale, '0'));
    total += negative ? -units : units;
  }
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(scale + 1, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}
