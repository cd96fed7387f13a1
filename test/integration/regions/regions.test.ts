import writeXlsxFile from 'write-excel-file/node';
import { kecamatan, villages } from '#local/demo/oku-selatan.ts';
import type { Regions, RegionsImported } from '#shared/regions/contract.ts';
import { startTestStack, type TestStack } from '#test/support/api.ts';

let t: TestStack;
type Problem = { detail?: string; errors?: Array<{ field: string; message: string }> };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeAll(async () => {
  t = await startTestStack();
});
afterAll(async () => {
  await t.stack.stop();
});

test('the demo regency has its 19 kecamatan and 82 desa with DPT and TPS', async () => {
  const reply = await t.organizer.get<Regions>('/regions');
  expect(reply.body.kecamatan).toHaveLength(19);
  expect(reply.body.villages).toHaveLength(82);
  expect(reply.body.kecamatan.find((row) => row.code === '16.09.12')?.name).toBe('Buay Pematang Ribu Ranau Tengah');
  expect(reply.body.villages.every((row) => (row.dpt ?? 0) > 0 && (row.tps ?? 0) > 0)).toBe(true);
});

test('importing the same data twice changes nothing', async () => {
  const body = { kecamatan, villages };
  const again = await t.admin.put<RegionsImported>('/regions', body);
  expect(again.status).toBe(200);
  expect(again.body).toEqual({
    kecamatan: { total: 19, created: 0, updated: 0, unchanged: 19 },
    villages: { total: 82, created: 0, updated: 0, unchanged: 82 },
  });
});

test('only admins import regions', async () => {
  const reply = await t.organizer.put('/regions', { kecamatan: [], villages: [] });
  expect(reply.status).toBe(403);
});

test('a CSV upload adds desa and keeps figures a file leaves out', async () => {
  const csv = [
    'Kode Kecamatan;Nama Kecamatan;Kode Desa;Nama Desa',
    '16.09.01;Muara Dua;16.09.01.2002;Gedung Lepihan',
    "16.09.19;Buay Rawan;16.09.19.2099;Pere'an Baru",
  ].join('\r\n');
  const reply = await t.admin.request<RegionsImported>('POST', '/regions/import', `\uFEFF${csv}`, {
    'content-type': 'text/csv',
  });
  expect(reply.status).toBe(200);
  expect(reply.body.villages).toEqual({ total: 2, created: 1, updated: 0, unchanged: 1 });
  const regions = await t.organizer.get<Regions>('/regions');
  const kept = regions.body.villages.find((row) => row.code === '16.09.01.2002');
  expect(kept?.dpt).toBe(villages.find((row) => row.code === '16.09.01.2002')?.dpt);
  expect(regions.body.villages.find((row) => row.code === '16.09.19.2099')?.name).toBe("Pere'an Baru");
});

test('an XLSX upload with DPT and TPS updates the figures', async () => {
  const header = ['kode_kecamatan', 'nama_kecamatan', 'kode_desa', 'nama_desa', 'dpt', 'tps'].map((value) => ({
    value,
  }));
  const row = [
    '16.09.02',
    'Pulau Beringin',
    villages.find((v) => v.kecamatanCode === '16.09.02')?.code,
    'Desa Uji',
    1234,
    3,
  ];
  const bytes = await writeXlsxFile([header, row.map((value) => ({ value }))]).toBuffer();
  const reply = await t.admin.request<RegionsImported>('POST', '/regions/import', new Uint8Array(bytes), {
    'content-type': XLSX,
  });
  expect(reply.status).toBe(200);
  expect(reply.body.villages.updated).toBe(1);
  const regions = await t.organizer.get<Regions>('/regions');
  expect(regions.body.villages.find((v) => v.code === row[2])).toMatchObject({ name: 'Desa Uji', dpt: 1234, tps: 3 });
});

test('a file with bad rows names each row and column, and saves nothing', async () => {
  const csv = [
    'kode_kecamatan,nama_kecamatan,kode_desa,nama_desa,dpt',
    '16.09.03,Banding Agung,16.09.03.2999,Desa Baru Satu,900',
    '16.09.03,Banding Agung,16.09.3.2001,Desa Salah Kode,abc',
    '16.09.03,Banding Agung,,Tanpa Kode,100',
  ].join('\n');
  const reply = await t.admin.request<Problem>('POST', '/regions/import', csv, { 'content-type': 'text/csv' });
  expect(reply.status).toBe(400);
  // Every problem at once: the bad number, the malformed code and the empty cell.
  expect(reply.body.errors).toEqual([
    { field: 'row.3.dpt', message: 'Harus bilangan bulat' },
    { field: 'row.3.villageCode', message: 'Kode desa tidak valid (contoh: 16.09.01.2001)' },
    { field: 'row.4.villageCode', message: 'Wajib diisi' },
  ]);
  const regions = await t.organizer.get<Regions>('/regions');
  expect(regions.body.villages.some((v) => v.code === '16.09.03.2999')).toBe(false);
});

test('a file without the required columns says which are missing', async () => {
  const reply = await t.admin.request<Problem>('POST', '/regions/import', 'kode,nama\n1,2\n', {
    'content-type': 'text/csv',
  });
  expect(reply.status).toBe(400);
  expect(reply.body.errors?.map((error) => error.field)).toEqual([
    'header.kecamatanCode',
    'header.kecamatanName',
    'header.villageCode',
    'header.villageName',
  ]);
});

test('a file of another type is refused with 415', async () => {
  const reply = await t.admin.request('POST', '/regions/import', '{}', { 'content-type': 'application/json' });
  expect(reply.status).toBe(415);
});
