import { compareDecimal, formatDate, formatMoney } from './index';

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
