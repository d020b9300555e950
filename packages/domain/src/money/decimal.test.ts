import { compareDecimal, percentOf, sumDecimals } from './decimal';

describe('decimal strings', () => {
  it('sums exactly, to at least two fraction digits, skipping what is not a decimal', () => {
    expect(sumDecimals(['0.10', '0.20'])).toBe('0.30');
    expect(sumDecimals(['1', '2.005', null, undefined, 'x'])).toBe('3.005');
    expect(sumDecimals(['-1.50', '0.25'])).toBe('-1.25');
    expect(sumDecimals([])).toBe('0.00');
    expect(sumDecimals(['90071992547409.93', '0.01'])).toBe('90071992547409.94');
  });

  it('compares exactly', () => {
    expect(compareDecimal('6000000.00', '5000000')).toBe(1);
    expect(compareDecimal('5000000', '5000000.00')).toBe(0);
    expect(compareDecimal('0.1', '0.25')).toBe(-1);
    expect(compareDecimal('-1', '0')).toBe(-1);
    expect(compareDecimal('-2', '-1.5')).toBe(-1);
    expect(compareDecimal('90071992547409.93', '90071992547409.92')).toBe(1);
  });

  it('gives a percentage with one decimal, rounded half up', () => {
    expect(percentOf('419', '600')).toBe('69.8%');
    expect(percentOf('1', '2000')).toBe('0.1%');
    expect(percentOf('5', '0')).toBe('—');
    expect(percentOf(null, '1')).toBe('—');
  });
});
