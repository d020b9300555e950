// The attitude scale as colours: −3 (strong opposition) red through 0 (neutral) amber to +3 (strong exclusive
// support) green; unknown (no attitude recorded) grey. Each with a text colour that reads on it.
import { ATTITUDE_SCALE, isAttitude, type Attitude } from '@iron-triangle/domain';

export interface AttitudeColour {
  /** The card's fill. */
  readonly background: string;
  /** Text on that fill. */
  readonly text: string;
  /** The card's border, a shade darker (kept in print, where fills may be left out). */
  readonly border: string;
}

const COLOURS: Readonly<Record<Attitude, AttitudeColour>> = {
  [-3]: { background: '#c62828', text: '#ffffff', border: '#8e0000' },
  [-2]: { background: '#ef5350', text: '#ffffff', border: '#b61827' },
  [-1]: { background: '#ffab91', text: '#3e2723', border: '#c75b39' },
  0: { background: '#fff59d', text: '#3e2723', border: '#c8b900' },
  1: { background: '#c5e1a5', text: '#1b3a1b', border: '#94af76' },
  2: { background: '#66bb6a', text: '#0b2e0b', border: '#338a3e' },
  3: { background: '#2e7d32', text: '#ffffff', border: '#005005' },
};

export const UNKNOWN_ATTITUDE_COLOUR: AttitudeColour = { background: '#e0e0e0', text: '#212121', border: '#9e9e9e' };

/** The colour of an attitude; grey for null (unknown) or anything off the scale. */
export function attitudeColour(attitude: number | null | undefined): AttitudeColour {
  return isAttitude(attitude) ? COLOURS[attitude] : UNKNOWN_ATTITUDE_COLOUR;
}

/** "+3", "0", "−2" (a true minus sign), or null for unknown. */
export function attitudeValueText(attitude: number | null | undefined): string | null {
  if (!isAttitude(attitude)) return null;
  return attitude > 0 ? `+${attitude}` : attitude < 0 ? `−${-attitude}` : '0';
}

/** The scale's codes by value, for the words of each attitude (enums.Attitude.<code>). */
export function attitudeCode(attitude: number | null | undefined): string | null {
  return isAttitude(attitude) ? ATTITUDE_SCALE.find((m) => m.value === attitude)!.code : null;
}
