import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Form, RecordContextProvider } from 'react-admin';
import { TestAdmin } from './testing';
import {
  formatPercentInput,
  fractionAsPercent,
  parsePercentInput,
  PercentField,
  PercentInput,
  percentAsPercent,
  shiftDecimal,
} from './percent';
import { decimal } from './validators';

describe('percent helpers', () => {
  it('moves the decimal point exactly', () => {
    expect(shiftDecimal('0.6', 2)).toBe('60');
    expect(shiftDecimal('0.125', 2)).toBe('12.5');
    expect(shiftDecimal('1', 2)).toBe('100');
    expect(shiftDecimal('60', -2)).toBe('0.6');
    expect(shiftDecimal('12.5', -2)).toBe('0.125');
    expect(shiftDecimal('5', -2)).toBe('0.05');
    expect(shiftDecimal('0.1', -2)).toBe('0.001');
    expect(shiftDecimal('0', 2)).toBe('0');
    expect(shiftDecimal('33.333333333', -2)).toBe('0.33333333333');
  });

  it('shows fractions, ratios and percents in one way', () => {
    expect(fractionAsPercent('0.6')).toBe('60.0%');
    expect(fractionAsPercent(0.3)).toBe('30.0%');
    expect(fractionAsPercent('2/5')).toBe('40.0%');
    expect(fractionAsPercent('1/3')).toBe('33.3%');
    expect(fractionAsPercent(null)).toBe('');
    expect(percentAsPercent(30)).toBe('30.0%');
  });

  it('formats the stored fraction for the input and parses the typed percent back', () => {
    expect(formatPercentInput('0.6')).toBe('60');
    expect(formatPercentInput(undefined)).toBe('');
    expect(parsePercentInput('60')).toBe('0.6');
    expect(parsePercentInput('40 %')).toBe('0.4');
    expect(parsePercentInput('')).toBeNull();
    // Not a number: kept as typed, so the decimal validator still refuses it.
    expect(parsePercentInput('abc')).toBe('abc');
    expect(decimal(parsePercentInput('abc'), {})).toBe('validation.decimal');
  });
});

describe('PercentInput', () => {
  it('shows 60 for a stored 0.6 and sends the fraction of what is typed', async () => {
    const onSubmit = jest.fn();
    render(
      <TestAdmin>
        <Form record={{ attainmentGate: '0.6', weight: '0.3' }} onSubmit={onSubmit}>
          <PercentInput source="attainmentGate" />
          <PercentInput source="weight" />
          <button type="submit">go</button>
        </Form>
      </TestAdmin>,
    );
    const gate = (await screen.findByLabelText(/attainment gate/i)) as HTMLInputElement;
    expect(gate.value).toBe('60');
    expect((screen.getByLabelText(/weight/i) as HTMLInputElement).value).toBe('30');
    fireEvent.change(gate, { target: { value: '75' } });
    await waitFor(() => expect(gate.value).toBe('75'));
    fireEvent.click(screen.getByRole('button', { name: 'go' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalled());
    expect(onSubmit.mock.calls[0][0]).toEqual({ attainmentGate: '0.75', weight: '0.3' });
  });
});

describe('PercentField', () => {
  it('shows a stored fraction as a percent', () => {
    render(
      <TestAdmin locale="zh-CN">
        <RecordContextProvider value={{ id: 1, attainmentGate: '0.6' }}>
          <PercentField source="attainmentGate" />
        </RecordContextProvider>
      </TestAdmin>,
    );
    expect(screen.getByText('60.0%')).toBeTruthy();
  });
});
