/**
 * A document a village has asked to upload and whose file is in s3rver, but not yet checked: what
 * the documents function's first call (completing the upload) needs, prepared through the running
 * stack as the receipt page does it (the API's presigned POST, then the file posted to it).
 */
import type { TestStack } from '#test/support/api.ts';

const FILE = Buffer.from('%PDF-1.4\n% BAST tanda terima\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

/** Asks for an upload with the receipt code, posts the file; answers the pending document's id. */
export async function pendingUpload(t: TestStack, code: string): Promise<string> {
  const asked = await t.anonymous.post<{ documentId: string; url: string; fields: Record<string, string> }>(
    `/receipts/${code}/documents`,
    { fileName: 'bast.pdf', contentType: 'application/pdf', size: FILE.length },
  );
  if (asked.status !== 201) throw new Error(`the upload request answered ${asked.status}: ${asked.text.slice(0, 200)}`);
  const form = new FormData();
  for (const [name, value] of Object.entries(asked.body.fields)) form.append(name, value);
  form.append('file', new Blob([FILE], { type: 'application/pdf' }), 'bast.pdf');
  const posted = await fetch(asked.body.url, { method: 'POST', body: form });
  await posted.arrayBuffer();
  if (!posted.ok) throw new Error(`the upload to s3rver answered ${posted.status}`);
  return asked.body.documentId;
}
