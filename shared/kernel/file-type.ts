/**
 * What a file's first bytes say it is. Only the three types a signed BAST may come as are known:
 * a JPEG photo, a PNG screenshot, or a PDF scan.
 */
export type DocumentType = 'image/jpeg' | 'image/png' | 'application/pdf';

const SIGNATURES: Array<{ type: DocumentType; bytes: number[] }> = [
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
];

/** The type the leading bytes identify, or undefined. Needs at most the first 8 bytes. */
export function sniffType(head: Uint8Array): DocumentType | undefined {
  return SIGNATURES.find((signature) => signature.bytes.every((byte, index) => head[index] === byte))?.type;
}
