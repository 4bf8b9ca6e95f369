import { describe, expect, it } from 'vitest';
import type { Department } from '../../shared/domain/schemas/org.ts';
import { paletteClass, paletteCss } from './department-palette.ts';

const guidelines = { dos: [], donts: [], tone: '' };
const dept = (id: string, color: string): Department => ({
  id,
  name: id,
  color,
  slaMinutes: 60,
  guidelines,
});

describe('department palette', () => {
  it('writes one class per department and never anything but a hex colour', () => {
    const css = paletteCss([dept('a', '#1d9bf0'), dept('b', 'red;} :host{display:none')]);
    expect(css).toBe('.sb-c0{--sb-dept:#1d9bf0}\n');
    expect(paletteClass([dept('a', '#000000'), dept('b', '#ffffff')], 'b')).toBe('sb-c1');
    expect(paletteClass([], 'b')).toBe('');
  });
});
