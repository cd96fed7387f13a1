import fc from 'fast-check';
import { parseRegistrationId, personFingerprint, registrationId } from '#shared/sessions/rules/registration-id.ts';
import { type Role, roles } from '#shared/sessions/rules/roles.ts';

const villageCode = fc.stringMatching(/^16\.09\.\d{2}\.2\d{3}$/);
const kecamatanCode = fc.stringMatching(/^16\.09\.\d{2}$/);

describe('registration ids name the place they take', () => {
  test('a single-seat place has one id whoever takes it', () => {
    expect(registrationId({ role: 'KETUA_PANITIA', unitCode: '16.09.01.2002', fullName: 'Juproni' })).toBe(
      'KT-16.09.01.2002',
    );
    expect(registrationId({ role: 'KETUA_PANITIA', unitCode: '16.09.01.2002', fullName: 'Someone Else' })).toBe(
      'KT-16.09.01.2002',
    );
    expect(registrationId({ role: 'KASI_PEMERINTAHAN', unitCode: '16.09.01', fullName: 'X' })).toBe('KS-16.09.01');
  });

  test('committee members of one desa are told apart by name, ignoring how it is written', () => {
    const a = registrationId({ role: 'ANGGOTA_PANITIA', unitCode: '16.09.01.2002', fullName: 'Siti Nur’aini' });
    const b = registrationId({ role: 'ANGGOTA_PANITIA', unitCode: '16.09.01.2002', fullName: 'SITI NURAINI' });
    const c = registrationId({ role: 'ANGGOTA_PANITIA', unitCode: '16.09.01.2002', fullName: 'Yulianti' });
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  test('every id parses back to its role and unit', () => {
    const seat = fc.oneof(
      fc.record({
        role: fc.constantFrom<Role>('KETUA_PANITIA', 'SEKRETARIS_PANITIA', 'ANGGOTA_PANITIA'),
        unitCode: villageCode,
        fullName: fc.string({ minLength: 1 }),
      }),
      fc.record({ role: fc.constant<Role>('KASI_PEMERINTAHAN'), unitCode: kecamatanCode, fullName: fc.string() }),
    );
    fc.assert(
      fc.property(seat, (s) => {
        expect(parseRegistrationId(registrationId(s))).toEqual({ role: s.role, unitCode: s.unitCode });
      }),
    );
  });

  test.each([
    '',
    'KT-16.09.01',
    'KS-16.09.01.2002',
    'XX-16.09.01.2002',
    'IN-16.09.01',
    'IN',
    'CM-16.09.01.2002',
    'PW-16.09.01',
  ])('refuses the malformed id %p', (id) => {
    expect(parseRegistrationId(id)).toBeNull();
  });

  test('the fingerprint changes with the phone and not with spelling', () => {
    expect(personFingerprint('Juproni', '+6281234567890')).toBe(personFingerprint('JUPRONI', '+6281234567890'));
    expect(personFingerprint('Juproni', '+6281234567890')).not.toBe(personFingerprint('Juproni', undefined));
  });

  test('a role a session seats several of per unit is told apart by name; agencies by name and organization', () => {
    const several = (fullName: string) =>
      registrationId({ role: 'PENGAWAS', unitCode: '16.09.01.2002', fullName, counted: true });
    expect(several('Ahmad')).toMatch(/^PW-16\.09\.01\.2002-[0-9a-f]{8}$/);
    expect(several('Ahmad')).not.toBe(several('Budi'));
    expect(registrationId({ role: 'PENGAWAS', unitCode: '16.09.01.2002', fullName: 'Ahmad', counted: false })).toBe(
      'PW-16.09.01.2002',
    );
    const police = registrationId({ role: 'INSTANSI', fullName: 'Budi', organization: 'Polres Tanah Bumbu' });
    const court = registrationId({ role: 'INSTANSI', fullName: 'Budi', organization: 'Pengadilan Negeri Batulicin' });
    expect(police).toMatch(/^IN-[0-9a-f]{8}$/);
    expect(police).not.toBe(court);
    expect(parseRegistrationId(police)).toEqual({ role: 'INSTANSI' });
    expect(parseRegistrationId(several('Ahmad'))).toEqual({ role: 'PENGAWAS', unitCode: '16.09.01.2002' });
  });

  test('the catalogue has eight roles', () => {
    expect(roles).toHaveLength(8);
  });
});
