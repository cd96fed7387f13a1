import type { UserRecord } from '#shared/people/records.ts';
import { applyChange, groupIssues, refusal } from '#shared/people/rules.ts';

const person = (id: string, group: UserRecord['group'], enabled = true): UserRecord => ({
  id,
  name: id,
  email: `${id}@dpmd.go.id`,
  group,
  ...(group === 'kecamatan' ? { kecamatanCode: '16.09.01' } : {}),
  enabled,
  status: 'active',
  createdAt: '2024-01-01T00:00:00.000Z',
});

describe('groupIssues', () => {
  test('a kecamatan account needs its kecamatan; no other group takes one', () => {
    expect(groupIssues('kecamatan', undefined).map((issue) => issue.field)).toEqual(['kecamatanCode']);
    expect(groupIssues('organizer', '16.09.01').map((issue) => issue.field)).toEqual(['kecamatanCode']);
    expect(groupIssues('kecamatan', '16.09.01')).toEqual([]);
    expect(groupIssues('admin', null)).toEqual([]);
  });
});

describe('applyChange', () => {
  test('the kecamatan leaves with the kecamatan group and stays when only the status changes', () => {
    const kasi = person('k', 'kecamatan');
    expect(applyChange(kasi, { group: 'organizer' }).kecamatanCode).toBeUndefined();
    expect(applyChange(kasi, { enabled: false })).toMatchObject({ kecamatanCode: '16.09.01', enabled: false });
    expect(applyChange(kasi, { kecamatanCode: '16.09.02' }).kecamatanCode).toBe('16.09.02');
  });
});

describe('refusal', () => {
  const [a, b, o] = [person('a', 'admin'), person('b', 'admin'), person('o', 'organizer')];

  test('nobody disables or demotes themself, even with other admins', () => {
    expect(refusal('a', a, { ...a, enabled: false }, [a, b])).not.toBeNull();
    expect(refusal('a', a, { ...a, group: 'organizer' }, [a, b])).not.toBeNull();
    expect(refusal('o', o, { ...o, enabled: false }, [a, o])).not.toBeNull();
    // Raising oneself is not taking access away (only an admin gets here anyway).
    expect(refusal('a', a, a, [a])).toBeNull();
  });

  test('the last enabled admin is never demoted or disabled; with two, one may be', () => {
    expect(refusal('o', a, { ...a, group: 'organizer' }, [a, o])).not.toBeNull();
    expect(refusal('o', a, { ...a, enabled: false }, [a, { ...b, enabled: false }, o])).not.toBeNull();
    expect(refusal('b', a, { ...a, enabled: false }, [a, b])).toBeNull();
    // A disabled admin is not the last one standing: changing it keeps the enabled one.
    expect(
      refusal('a', { ...b, enabled: false }, { ...b, enabled: false, group: 'organizer' }, [
        a,
        { ...b, enabled: false },
      ]),
    ).toBeNull();
  });
});
