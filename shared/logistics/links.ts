/** The addresses logistics sends people to. */

/** The page a village opens to confirm a delivery: printed as a QR code and sent by WhatsApp. */
export function receiptUrl(baseUrl: string, receiptCode: string): string {
  return `${baseUrl}/terima/${receiptCode}`;
}
