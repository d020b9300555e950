import { compareDecimal, formatDate, formatMoney, percentOf } from './index';

describe('formatMoney', () => {
  it('formats yuan for Chinese readers', () => {
    expect(formatMoney('5000000.00', 'CNY', 'zh-CN')).toBe('¥5,000,000.00');
  });
  it('names the currency for English readers', () => {
    expect(formatMoney('5000000.00', 'CNY', 'en')).toBe('CN¥5,000,000.00');
    expect(formatMoney('1234.5', 'USD', 'en')).toBe('$1,234.50');
  });
  it('keeps large amounts exact', () => {
    expect(formatMoney('90071992547409.93', 'CNY', 'zh-CN')).toBe('¥90,071,992,547,409.93');
  });
  it('shows nothing for no amount', () => {
    expect(formatMoney(null, 'CNY', 'en')).toBe('');
  });
});

describe('formatDate', () => {
  it('formats for the locale', () => {
    expect(formatDate('2026-03-03T08:00:00.000Z', 'zh-CN')).toBe('2026/03/03');
    expect(formatDate('2026-03-03T08:00:00.000Z', 'en')).toBe('03/03/2026');
  });
});

describe('compareDecimal', () => {
  it('compares without floats', () => {
    expect(compareDecimal('6000000.00', '5000000')).toBe(1);
    expect(compareDecimal('5000000', '5000000.00')).toBe(0);
    expect(compareDecimal('0.1', '0.25')).toBe(-1);
    expect(compareDecimal('-1', '0')).toBe(-1);
  });
});

describe('percentOf', () => {
  test('exact percentages of decimal strings, one decimal, half up', () => {
    expect(percentOf('61000000.00', '90000000.00')).toBe('67.8%');
    expect(percentOf('96000000.00', '128000000.00')).toBe('75.0%');
    expect(percentOf('419', '600')).toBe('69.8%');
    expect(percentOf('1', '3')).toBe('33.3%');
    expect(percentOf('2', '3')).toBe('66.7%');
    expect(percentOf('1', '2000')).toBe('0.1%');
    expect(percentOf('0.7500', '1')).toBe('75.0%');
  });

  test('beyond the float range of amounts it stays exact', () => {
    expect(percentOf('90071992547409.93', '90071992547409.92')).toBe('100.0%');
    expect(percentOf('123456789012345678.90', '246913578024691357.80')).toBe('50.0%');
  });

  test('no answer for a zero or unreadable denominator', () => {
    expect(percentOf('5', '0')).toBe('—');
    expect(percentOf('5', undefined)).toBe('—');
    expect(percentOf('abc', '5')).toBe('—');
  });
});
