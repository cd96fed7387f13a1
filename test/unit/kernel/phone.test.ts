import fc from 'fast-check';
import { isNormalizedPhone, normalizePhone } from '#shared/kernel/people/phone.ts';

describe('normalizePhone', () => {
  test.each([
    ['081234567890', '+6281234567890'],
    ['0812-3456-7890', '+6281234567890'],
    ['+62 812 3456 7890', '+6281234567890'],
    ['62 812-3456-7890', '+6281234567890'],
    ['+62 (0)812 3456 7890', '+6281234567890'],
    ['(0735) 321456', '+62735321456'],
    ['0812.3456.789', '+628123456789'],
  ])('writes %s as %s', (raw, expected) => {
    expect(normalizePhone(raw)).toBe(expected);
  });

  test.each(['', '12345', '+1 415 555 0100', '0812-ABCD-7890', '08', '+62', '0812345678901234'])(
    'refuses %p',
    (raw) => {
      expect(normalizePhone(raw)).toBeNull();
    },
  );

  test('the three spellings of one number are one number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^8[1-9]\d{7,9}$/), (national) => {
        const forms = [`0${national}`, `+62${national}`, `62 ${national.slice(0, 3)}-${national.slice(3)}`];
        const normalized = new Set(forms.map(normalizePhone));
        expect(normalized.size).toBe(1);
        const [only] = [...normalized];
        expect(only).toBe(`+62${national}`);
        expect(isNormalizedPhone(only ?? '')).toBe(true);
      }),
    );
  });

  test('normalizing twice changes nothing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 24 }), (raw) => {
        const once = normalizePhone(raw);
        if (once !== null) expect(normalizePhone(once)).toBe(once);
      }),
    );
  });
});
