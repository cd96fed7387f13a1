declare module 'subset-font' {
  /** Cuts a font down to the glyphs of `text` (harfbuzz, compiled to WebAssembly). */
  export default function subsetFont(
    font: Uint8Array,
    text: string,
    options?: { targetFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2' },
  ): Promise<Buffer>;
}
