import { demoItems, demoRules } from '#local/demo/catalogue.ts';
import { villages } from '#local/demo/oku-selatan.ts';
import type { LogisticsSummary, Shipment } from '#shared/logistics/contract.ts';
import type { ReceiptView } from '#shared/logistics/receipt-contract.ts';
import { allocateAll } from '#shared/logistics/rules/allocation.ts';
import { pool, startTestStack, type TestStack } from '#test/support/api.ts';
import { readWholeTable } from '#test/support/table.ts';

let t: TestStack;
type Created = Shipment & { receiptCode: string; receiptUrl: string };
type Problem = { detail?: string; errors?: Array<{ field: string; message: string }> };
const shipments = new Map<string, Created>();

// A tiny but real JPEG (SOI, APP0 JFIF header, EOI) and PNG signature.
const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');

beforeAll(async () => {
  t = await startTestStack();
  await t.organizer.post('/allocations/apply', { rules: demoRules });
  await pool(villages, 6, async (village) => {
    const allocation = allocateAll(demoRules, { dpt: village.dpt, tps: village.tps });
    const reply = await t.organizer.post<Created>('/shipments', {
      villageCode: village.code,
      lines: allocation,
      handedOverBy: { name: 'Drs. H. Zulkarnain, M.Si.', title: 'Kepala Bidang Pemerintahan Desa' },
    });
    expect(reply.status).toBe(201);
    shipments.set(village.code, reply.body);
  });
});
afterAll(async () => {
  await t.stack.stop();
});

const first = () => shipments.get(villages[0]?.code ?? '') as Created;
const second = () => shipments.get(villages[1]?.code ?? '') as Created;

describe('catalogue and allocation', () => {
  test('the demo catalogue is seeded', async () => {
    const reply = await t.organizer.get<{ items: Array<{ code: string }> }>('/items');
    expect(reply.body.items.map((item) => item.code).sort()).toEqual(demoItems.map((item) => item.code).sort());
  });

  test('the formula preview matches the rules for every desa and saves nothing', async () => {
    const preview = await t.organizer.post<{
      allocations: Array<{ villageCode: string; lines: Array<{ itemCode: string; quantity: number }> }>;
      totals: Array<{ itemCode: string; quantity: number }>;
    }>('/allocations/preview', {
      rules: [{ itemCode: 'SURAT_SUARA', basis: 'perVoter', quantity: 1, reservePercent: 2.5 }],
    });
    expect(preview.status).toBe(200);
    expect(preview.body.allocations).toHaveLength(82);
    const village = villages[3];
    const row = preview.body.allocations.find((allocation) => allocation.villageCode === village?.code);
    expect(row?.lines).toEqual([{ itemCode: 'SURAT_SUARA', quantity: Math.ceil((village?.dpt ?? 0) * 1.025) }]);
    const total = preview.body.totals[0]?.quantity;
    expect(total).toBe(villages.reduce((sum, v) => sum + Math.ceil(v.dpt * 1.025 - 1e-9), 0));
    const saved = await t.organizer.get<{ items: Array<{ villageCode: string; lines: Array<{ itemCode: string }> }> }>(
      '/allocations',
    );
    // What is stored is still the full rule set applied before, not this one-item preview.
    expect(saved.body.items).toHaveLength(82);
    expect(saved.body.items[0]?.lines.length).toBe(demoRules.length);
  });

  test('item codes as people write them; a path that cannot name an item is a 400 naming it, when changing', async () => {
    const dashed = await t.organizer.put<{ code: string }>('/items/SEGEL-KOTAK', {
      name: 'Segel kotak',
      unit: 'lembar',
    });
    expect(dashed.status).toBe(200);
    expect(dashed.body.code).toBe('SEGEL-KOTAK');
    const dotted = await t.organizer.put('/items/Form.C1', { name: 'Formulir C1', unit: 'lembar' });
    expect(dotted.status).toBe(200);
    const spaced = await t.organizer.put<Problem>(`/items/${encodeURIComponent('segel kotak')}`, {
      name: 'x',
      unit: 'y',
    });
    expect(spaced.status).toBe(400);
    expect(spaced.body.errors).toEqual([{ field: 'path.itemCode', message: expect.stringContaining('SEGEL-KOTAK') }]);
    // Reading a path that names nothing is still just "not found".
    expect((await t.organizer.get('/shipments/not-a-shipment')).status).toBe(404);
  });

  test('a desa set by hand to 0 of an item has none of it; a negative number says the least is 0', async () => {
    const village = villages[9]?.code ?? '';
    const set = await t.organizer.put<{ lines: Array<{ itemCode: string }> }>(`/allocations/${village}`, {
      lines: [
        { itemCode: 'KOTAK_SUARA', quantity: 2 },
        { itemCode: 'LEM', quantity: 0 },
      ],
    });
    expect(set.status).toBe(200);
    expect(set.body.lines.map((line) => line.itemCode)).toEqual(['KOTAK_SUARA']);
    const negative = await t.organizer.put<Problem>(`/allocations/${village}`, {
      lines: [{ itemCode: 'LEM', quantity: -3 }],
    });
    expect(negative.status).toBe(400);
    expect(negative.body.errors).toEqual([{ field: 'lines.0.quantity', message: 'Minimal 0' }]);
  });

  test('applying the formula keeps the desa set by hand, and says so, unless told to replace them', async () => {
    const handSet = villages[11]?.code ?? '';
    await t.organizer.put(`/allocations/${handSet}`, { lines: [{ itemCode: 'KOTAK_SUARA', quantity: 7 }] });
    type Preview = {
      allocations: Array<{
        villageCode: string;
        setByHand: boolean;
        kept: boolean;
        lines: Array<{ itemCode: string; quantity: number }>;
      }>;
      setByHand: { kept: number; replaced: number };
    };
    const preview = await t.organizer.post<Preview>('/allocations/preview', { rules: demoRules });
    const row = preview.body.allocations.find((allocation) => allocation.villageCode === handSet);
    expect(row).toMatchObject({ setByHand: true, kept: true, lines: [{ itemCode: 'KOTAK_SUARA', quantity: 7 }] });
    expect(preview.body.setByHand.kept).toBeGreaterThanOrEqual(1);
    await t.organizer.post('/allocations/apply', { rules: demoRules });
    const saved = await t.organizer.get<{ items: Array<{ villageCode: string; source: string; lines: unknown[] }> }>(
      '/allocations',
    );
    expect(saved.body.items.find((item) => item.villageCode === handSet)).toMatchObject({
      source: 'manual',
      lines: [{ itemCode: 'KOTAK_SUARA', quantity: 7 }],
    });
    const replacing = await t.organizer.post<Preview>('/allocations/preview', {
      rules: demoRules,
      replaceManual: true,
    });
    expect(replacing.body.allocations.find((allocation) => allocation.villageCode === handSet)).toMatchObject({
      setByHand: true,
      kept: false,
    });
    await t.organizer.post('/allocations/apply', { rules: demoRules, replaceManual: true });
    const replaced = await t.organizer.get<{ items: Array<{ villageCode: string; source: string }> }>('/allocations');
    expect(replaced.body.items.find((item) => item.villageCode === handSet)?.source).toBe('formula');
  });

  test('an unknown item in a rule is a field error', async () => {
    const reply = await t.organizer.post<Problem>('/allocations/preview', {
      rules: [{ itemCode: 'PAYUNG', basis: 'fixed', quantity: 1 }],
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errors).toEqual([{ field: 'rules.0.itemCode', message: 'Barang ini tidak ada di katalog' }]);
  });
});

describe('dispatch', () => {
  test('each shipment has a numbered BAST, a long random code and a receipt link', () => {
    const numbers = new Set([...shipments.values()].map((shipment) => shipment.bastNumber));
    expect(numbers.size).toBe(82);
    for (const shipment of shipments.values()) {
      expect(shipment.receiptCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
      expect(shipment.receiptUrl).toBe(`${t.stack.url}/terima/${shipment.receiptCode}`);
    }
  });

  test('shipping more than allocated needs an explicit override', async () => {
    const villageCode = villages[0]?.code;
    const extra = { villageCode, lines: [{ itemCode: 'SURAT_SUARA', quantity: 50 }] };
    const refused = await t.organizer.post<Problem & { overAllocation: unknown[] }>('/shipments', extra);
    expect(refused.status).toBe(409);
    expect(refused.body.errors?.[0]?.field).toBe('lines.0.quantity');
    expect(refused.body.errors?.[0]?.message).toMatch(
      /^Melebihi alokasi: alokasi \d{1,3}(\.\d{3})*, sudah dikirim \d{1,3}(\.\d{3})*, diminta 50$/,
    );
    const allowed = await t.organizer.post<Created>('/shipments', {
      ...extra,
      override: { reason: 'Pengganti surat suara rusak saat pengepakan' },
    });
    expect(allowed.status).toBe(201);
    expect(allowed.body.overAllocation).toEqual({ reason: 'Pengganti surat suara rusak saat pengepakan' });
    const list = await t.organizer.get<{ items: Shipment[] }>(`/shipments?villageCode=${villageCode}`);
    expect(list.body.items).toHaveLength(2);
  });

  test('concurrent shipments cannot together exceed an allocation', async () => {
    const village = villages[10];
    await t.organizer.put(`/allocations/${village?.code}`, { lines: [{ itemCode: 'LEM', quantity: 100 }] });
    const replies = await Promise.all(
      Array.from({ length: 6 }, () =>
        t.organizer.post('/shipments', { villageCode: village?.code, lines: [{ itemCode: 'LEM', quantity: 40 }] }),
      ),
    );
    // The first shipment to this desa already took a few LEM; 100 leaves room for exactly two more of 40.
    const statuses = replies.map((reply) => reply.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(2);
    expect(statuses.filter((status) => status === 409)).toHaveLength(4);
  });
});

describe('receipt by the village', () => {
  test('a code opens its own shipment and nothing else', async () => {
    const view = await t.anonymous.get<ReceiptView>(`/receipts/${first().receiptCode}`);
    expect(view.status).toBe(200);
    expect(view.body.village.code).toBe(villages[0]?.code);
    expect(view.body.bastNumber).toBe(first().bastNumber);
    expect(JSON.stringify(view.body)).not.toContain(second().id);
    expect(JSON.stringify(view.body)).not.toContain(second().villageCode);
  });

  test('an unknown code and a malformed code look exactly the same', async () => {
    const unknown = await t.anonymous.get(`/receipts/${'0'.repeat(26)}`);
    const malformed = await t.anonymous.get('/receipts/not-a-code');
    expect(unknown.status).toBe(404);
    expect(malformed.status).toBe(404);
    expect(unknown.text).toBe(malformed.text);
  });

  test('damage and missing goods are recorded per line; a second confirmation is refused', async () => {
    const shipment = first();
    const ballots = shipment.lines.find((line) => line.itemCode === 'SURAT_SUARA');
    const lines = shipment.lines.map((line) =>
      line.itemCode === 'SURAT_SUARA'
        ? { itemCode: line.itemCode, good: line.quantity - 30, minorDamage: 5, majorDamage: 5 }
        : { itemCode: line.itemCode, good: line.quantity, minorDamage: 0, majorDamage: 0 },
    );
    const body = {
      receivedBy: { name: 'Siti Nur’aini', phone: '0812 3333 4444' },
      lines,
      clientRequestId: 'phone-0001',
    };
    const confirmed = await t.anonymous.post<ReceiptView>(`/receipts/${shipment.receiptCode}`, body);
    expect(confirmed.status).toBe(201);
    expect(confirmed.body.receipt?.discrepancy).toBe(true);
    expect(confirmed.body.receipt?.lines.find((line) => line.itemCode === 'SURAT_SUARA')).toMatchObject({
      shipped: ballots?.quantity,
      good: (ballots?.quantity ?? 0) - 30,
      minorDamage: 5,
      majorDamage: 5,
      missing: 20,
    });
    const resend = await t.anonymous.post<ReceiptView>(`/receipts/${shipment.receiptCode}`, body);
    expect(resend.status).toBe(200);
    const other = await t.anonymous.post<Problem>(`/receipts/${shipment.receiptCode}`, {
      ...body,
      clientRequestId: 'phone-0002',
    });
    expect(other.status).toBe(409);
    // The refusal says when, on the regency's clock, in both languages.
    expect(other.body.detail).toMatch(/^Penerimaan sudah dikonfirmasi pada \d{1,2} \w+ \d{4} pukul \d{2}\.\d{2} WIB\./);
    const english = await t.anonymous
      .inLanguage('en')
      .post<Problem>(`/receipts/${shipment.receiptCode}`, { ...body, clientRequestId: 'phone-0003' });
    expect(english.body.detail).toMatch(/^Receipt of these goods was already confirmed on \d{1,2} \w+ \d{4}/);
  });

  test('code A confirms only shipment A, never shipment B', async () => {
    const a = shipments.get(villages[5]?.code ?? '') as Created;
    const lines = a.lines.map((line) => ({
      itemCode: line.itemCode,
      good: line.quantity,
      minorDamage: 0,
      majorDamage: 0,
    }));
    const reply = await t.anonymous.post<ReceiptView>(`/receipts/${a.receiptCode}`, {
      receivedBy: { name: 'Juproni' },
      lines,
    });
    expect(reply.status).toBe(201);
    expect(reply.body.village.code).toBe(villages[5]?.code);
    const b = await t.organizer.get<Shipment>(`/shipments/${second().id}`);
    expect(b.body.receipt).toBeNull();
    const confirmedA = await t.organizer.get<Shipment>(`/shipments/${a.id}`);
    expect(confirmedA.body.receipt?.discrepancy).toBe(false);
  });

  test('two confirmations at the same moment record exactly one', async () => {
    const shipment = shipments.get(villages[2]?.code ?? '') as Created;
    const lines = shipment.lines.map((line) => ({
      itemCode: line.itemCode,
      good: line.quantity,
      minorDamage: 0,
      majorDamage: 0,
    }));
    const replies = await Promise.all(
      ['a', 'b'].map((who) =>
        t.anonymous.post(`/receipts/${shipment.receiptCode}`, {
          receivedBy: { name: `Petugas ${who.toUpperCase()}` },
          lines,
          clientRequestId: `phone-race-${who}`,
        }),
      ),
    );
    expect(replies.map((reply) => reply.status).sort()).toEqual([201, 409]);
  });

  test('reporting more than was shipped is a field error', async () => {
    const shipment = shipments.get(villages[3]?.code ?? '') as Created;
    const lines = shipment.lines.map((line) => ({
      itemCode: line.itemCode,
      good: line.quantity + 1,
      minorDamage: 0,
      majorDamage: 0,
    }));
    const reply = await t.anonymous.post<Problem>(`/receipts/${shipment.receiptCode}`, {
      receivedBy: { name: 'Juproni' },
      lines,
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errors?.[0]?.field).toBe('lines.0.good');
  });
});

describe('the signed BAST photo', () => {
  async function upload(
    code: string,
    declared: { fileName: string; contentType: string; size: number },
    bytes: Buffer,
  ) {
    const ticket = await t.anonymous.post<{ documentId: string; url: string; fields: Record<string, string> }>(
      `/receipts/${code}/documents`,
      declared,
    );
    expect(ticket.status).toBe(201);
    const form = new FormData();
    for (const [name, value] of Object.entries(ticket.body.fields)) form.append(name, value);
    form.append('file', new Blob([bytes], { type: declared.contentType }), declared.fileName);
    const stored = await fetch(ticket.body.url, { method: 'POST', body: form });
    expect(stored.status).toBeLessThan(300);
    return t.anonymous.post<Problem & { status: string; id: string }>(
      `/receipts/${code}/documents/${ticket.body.documentId}/complete`,
    );
  }

  test('a real photo is verified and organizers download it through a short-lived link', async () => {
    const shipment = first();
    const done = await upload(
      shipment.receiptCode,
      { fileName: 'bast desa.jpg', contentType: 'image/jpeg', size: JPEG.length },
      JPEG,
    );
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('verified');
    const link = await t.organizer.get<{ url: string }>(`/shipments/${shipment.id}/documents/${done.body.id}`);
    expect(link.status).toBe(200);
    const downloaded = Buffer.from(await (await fetch(link.body.url)).arrayBuffer());
    expect(downloaded.equals(JPEG)).toBe(true);
    const view = await t.organizer.get<Shipment>(`/shipments/${shipment.id}`);
    expect(view.body.documents.map((document) => document.status)).toEqual(['verified']);
  });

  test('an upload whose bytes do not match its type is refused and removed', async () => {
    const fake = Buffer.from('this is not really a png file at all');
    const done = await upload(
      second().receiptCode,
      { fileName: 'foto.png', contentType: 'image/png', size: fake.length },
      fake,
    );
    expect(done.status).toBe(400);
    expect(done.body.errors).toEqual([{ field: 'file', message: 'Isi berkas bukan PNG seperti yang disebutkan' }]);
  });

  test('a file larger than declared is refused, whatever the storage accepted', async () => {
    const big = Buffer.concat([JPEG, Buffer.alloc(2048)]);
    const done = await upload(
      second().receiptCode,
      { fileName: 'foto.jpg', contentType: 'image/jpeg', size: JPEG.length },
      big,
    );
    expect(done.status).toBe(400);
    expect(done.body.errors?.[0]?.field).toBe('file');
  });

  test('what was verified is what is downloaded: a second upload to the same key changes nothing', async () => {
    const shipment = second();
    const ticket = await t.anonymous.post<{ documentId: string; url: string; fields: Record<string, string> }>(
      `/receipts/${shipment.receiptCode}/documents`,
      { fileName: 'bast.jpg', contentType: 'image/jpeg', size: JPEG.length },
    );
    const send = async (bytes: Buffer, type: string) => {
      const form = new FormData();
      for (const [name, value] of Object.entries(ticket.body.fields)) form.append(name, value);
      form.append('file', new Blob([bytes], { type }), 'bast.jpg');
      return fetch(ticket.body.url, { method: 'POST', body: form });
    };
    expect((await send(JPEG, 'image/jpeg')).status).toBeLessThan(300);
    // Ten "complete" calls at once: one settles it, every other answers the same 200; never a 500.
    const completes = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.anonymous.post<{ id: string; status: string }>(
          `/receipts/${shipment.receiptCode}/documents/${ticket.body.documentId}/complete`,
        ),
      ),
    );
    expect(completes.map((reply) => reply.status)).toEqual(Array(10).fill(200));
    expect(new Set(completes.map((reply) => reply.body.status))).toEqual(new Set(['verified']));
    // Someone sends 12 kB of HTML to the same upload (the local storage accepts it; S3 would refuse
    // its size and, after five minutes, the expired policy).
    await send(Buffer.from(`<html>${'x'.repeat(12_000)}</html>`), 'image/jpeg');
    const link = await t.organizer.get<{ url: string }>(
      `/shipments/${shipment.id}/documents/${ticket.body.documentId}`,
    );
    const downloaded = Buffer.from(await (await fetch(link.body.url)).arrayBuffer());
    expect(downloaded.equals(JPEG)).toBe(true);
  });

  test('a shipment takes at most 10 documents, counted however fast they are asked for', async () => {
    const shipment = first();
    const before = (await t.organizer.get<Shipment>(`/shipments/${shipment.id}`)).body.documents.length;
    const ask = () =>
      t.anonymous.post<Problem>(`/receipts/${shipment.receiptCode}/documents`, {
        fileName: 'foto.jpg',
        contentType: 'image/jpeg',
        size: JPEG.length,
      });
    const replies = await Promise.all(Array.from({ length: 14 - before }, ask));
    expect(replies.filter((reply) => reply.status === 201)).toHaveLength(10 - before);
    const refused = replies.filter((reply) => reply.status === 409);
    expect(refused).toHaveLength(4);
    expect(refused[0]?.body.detail).toBe(
      'Sudah 10 berkas dikirim untuk pengiriman ini; hubungi DPMD bila masih perlu mengirim.',
    );
  });

  test('more than 10 MB cannot even be asked for', async () => {
    const reply = await t.anonymous.post<Problem>(`/receipts/${second().receiptCode}/documents`, {
      fileName: 'besar.pdf',
      contentType: 'application/pdf',
      size: 10 * 1024 * 1024 + 1,
    });
    expect(reply.status).toBe(400);
  });
});

describe('oversight', () => {
  test('the summary adds up exactly', async () => {
    const summary = await t.organizer.get<LogisticsSummary>('/logistics/summary');
    expect(summary.status).toBe(200);
    const all = await t.organizer.get<{ items: Shipment[] }>('/shipments?limit=1000');
    for (const item of summary.body.items) {
      const shipped = all.body.items.flatMap((s) => s.lines).filter((l) => l.itemCode === item.itemCode);
      expect(item.shipped).toBe(shipped.reduce((sum, line) => sum + line.quantity, 0));
      const received = all.body.items
        .flatMap((s) => s.receipt?.lines ?? [])
        .filter((l) => l.itemCode === item.itemCode);
      expect(item.good).toBe(received.reduce((sum, line) => sum + line.good, 0));
      expect(item.missing).toBe(received.reduce((sum, line) => sum + line.missing, 0));
      expect(item.good + item.minorDamage + item.majorDamage + item.missing).toBe(
        received.reduce((sum, line) => sum + line.shipped, 0),
      );
    }
    const ballots = summary.body.items.find((item) => item.itemCode === 'SURAT_SUARA');
    expect(ballots).toMatchObject({ minorDamage: 5, majorDamage: 5, missing: 20 });
    // The desa allocated 100 LEM by hand got 85 so far: partly shipped, not awaiting "in full".
    expect(summary.body.states).toEqual({
      notShipped: 0,
      partlyShipped: 1,
      awaitingConfirmation: 78,
      confirmed: 2,
      discrepancy: 1,
    });
    expect(summary.body.villages.find((v) => v.villageCode === villages[10]?.code)?.state).toBe('partlyShipped');
    expect(summary.body.villages.find((v) => v.villageCode === villages[0]?.code)?.state).toBe('discrepancy');
  });

  test('an admin correction keeps the history; organizers may not correct', async () => {
    const shipment = first();
    const lines = shipment.lines.map((line) => ({
      itemCode: line.itemCode,
      good: line.quantity,
      minorDamage: 0,
      majorDamage: 0,
    }));
    const body = { lines, reason: 'Surat suara yang hilang ternyata tertinggal di kantor camat' };
    expect((await t.organizer.put(`/shipments/${shipment.id}/receipt`, body)).status).toBe(403);
    const corrected = await t.admin.put<Shipment>(`/shipments/${shipment.id}/receipt`, body);
    expect(corrected.status).toBe(200);
    expect(corrected.body.receipt).toMatchObject({ discrepancy: false, version: 2 });
    expect(corrected.body.receiptHistory).toHaveLength(1);
    expect(corrected.body.receiptHistory[0]).toMatchObject({ discrepancy: true, version: 1 });
  });

  test('receipt codes are not stored in clear anywhere in the table', async () => {
    const everything = JSON.stringify(await readWholeTable(t.stack));
    expect(everything.length).toBeGreaterThan(10_000);
    for (const shipment of shipments.values()) expect(everything).not.toContain(shipment.receiptCode);
  });
});
