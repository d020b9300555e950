import { attitudeCode, attitudeColour, attitudeValueText, UNKNOWN_ATTITUDE_COLOUR } from './attitude';

/** Red and green channels of a #rrggbb colour. */
const rg = (hex: string) => [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16)] as const;

describe('attitude colours', () => {
  it('runs from red at −3 to green at +3, each value its own colour', () => {
    const fills = [-3, -2, -1, 0, 1, 2, 3].map((a) => attitudeColour(a).background);
    expect(new Set(fills).size).toBe(7);
    const [r3, g3] = rg(attitudeColour(-3).background);
    expect(r3).toBeGreaterThan(g3 * 2);
    const [rp, gp] = rg(attitudeColour(3).background);
    expect(gp).toBeGreaterThan(rp * 2);
    // Opposition is redder than support, value by value.
    for (const a of [1, 2, 3]) {
      const [rNeg, gNeg] = rg(attitudeColour(-a).background);
      const [rPos, gPos] = rg(attitudeColour(a).background);
      expect(rNeg - gNeg).toBeGreaterThan(rPos - gPos);
    }
  });

  it('greys out an unknown attitude and anything off the scale', () => {
    expect(attitudeColour(null)).toBe(UNKNOWN_ATTITUDE_COLOUR);
    expect(attitudeColour(undefined)).toBe(UNKNOWN_ATTITUDE_COLOUR);
    expect(attitudeColour(4)).toBe(UNKNOWN_ATTITUDE_COLOUR);
    expect(attitudeColour(1.5)).toBe(UNKNOWN_ATTITUDE_COLOUR);
    const [r, g] = rg(UNKNOWN_ATTITUDE_COLOUR.background);
    expect(r).toBe(g);
  });

  it('writes the value signed and names its meaning on the scale', () => {
    expect(attitudeValueText(3)).toBe('+3');
    expect(attitudeValueText(0)).toBe('0');
    expect(attitudeValueText(-2)).toBe('−2');
    expect(attitudeValueText(null)).toBeNull();
    expect(attitudeCode(3)).toBe('STRONG_EXCLUSIVE_SUPPORT');
    expect(attitudeCode(-1)).toBe('WEAK_OPPOSITION');
    expect(attitudeCode(null)).toBeNull();
  });
});
