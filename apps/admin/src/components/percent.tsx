// Fractions shown and typed as percents: the API keeps 0.6, the reader sees and types 60 (%).
import { InputAdornment } from '@mui/material';
import { FieldProps, TextInput, TextInputProps, useFieldValue } from 'react-admin';
import { percentOf } from '../format';

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Moves the decimal point of a plain decimal string by `places` (exactly, no float): ("0.6", 2) → "60". */
export function shiftDecimal(text: string, places: number): string {
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? text.slice(1) : text).split('.');
  let digits = whole + fraction;
  let point = whole.length + places;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits = digits + '0'.repeat(point - digits.length);
  let intPart = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const fracPart = digits.slice(point).replace(/0+$/, '');
  if (intPart === '') intPart = '0';
  const result = fracPart ? `${intPart}.${fracPart}` : intPart;
  return negative && /[1-9]/.test(result) ? `-${result}` : result;
}

/** A fraction (0.6, "0.6", "2/5") as a percent: "60.0%"; '' for nothing; text that is no number as it is. */
export function fractionAsPercent(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  const text = String(value).trim();
  const ratio = /^(-?\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)$/.exec(text);
  if (ratio) return percentOf(ratio[1], ratio[2]);
  if (DECIMAL.test(text)) return percentOf(text, 1);
  return text;
}

/** A number already in percent (40 = 40 %) written like the others: "40.0%". */
export function percentAsPercent(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  const text = String(value);
  return DECIMAL.test(text) ? percentOf(text, 100) : text;
}

/** The input's view of the stored fraction: "0.6" → "60". */
export function formatPercentInput(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  const text = String(value).trim();
  return DECIMAL.test(text) ? shiftDecimal(text, 2) : text;
}

/** What the API receives from the typed percent: "60" → "0.6" (a typed "%" is allowed); anything else as typed. */
export function parsePercentInput(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim().replace(/\s*%$/, '');
  if (text === '') return null;
  return DECIMAL.test(text) ? shiftDecimal(text, -2) : text;
}

/** A TextInput for a fraction the reader types as a percent (format/parse; the API still gets the fraction). */
export function PercentInput(props: TextInputProps) {
  return (
    <TextInput
      format={formatPercentInput}
      parse={parsePercentInput}
      slotProps={{ input: { endAdornment: <InputAdornment position="end">%</InputAdornment> } }}
      {...props}
    />
  );
}

/** A fraction field shown as a percent. */
export function PercentField(props: FieldProps) {
  const value = useFieldValue(props);
  return <span style={{ whiteSpace: 'nowrap' }}>{fractionAsPercent(value)}</span>;
}
