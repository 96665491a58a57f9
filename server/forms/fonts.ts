/**
 * The embedded Noto Sans faces. The standard PDF fonts have no Vietnamese glyphs, so every form
 * embeds (a subset of) this TTF, which covers all Vietnamese letters with their tone marks.
 *
 * Two things pdfkit does not offer are done here, in one place, through its internals:
 * - Parsing a 600 KB TTF costs about 100 ms, and pdfkit parses it again for every document; the
 *   parsed fonts are kept for the process and attached to each new document instead.
 * - Noto Sans's `ccmp` feature splits some precomposed letters (ụ, Ụ …) into a base glyph and a
 *   combining mark that has no Unicode mapping, so copied or searched text would lose its marks.
 *   The font has every precomposed glyph, so shaping runs with `ccmp` off. Passing that as a text
 *   option would bypass pdfkit's word-layout cache, so it is the shared fonts' default instead.
 * The tests check both: the fonts are embedded and every Vietnamese letter maps back to Unicode.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);

/** The aliases forms use with `doc.font(...)`. */
export const FONT = { regular: 'NotoSans', bold: 'NotoSans-Bold', italic: 'NotoSans-Italic' } as const;

const FILES = {
  [FONT.regular]: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  [FONT.bold]: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  [FONT.italic]: '@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf',
};

/** The parts of pdfkit's font objects used here. */
interface FontkitFont {
  layout: (text: string, features?: unknown) => unknown;
}
interface EmbeddedFont {
  name: string;
  font: FontkitFont;
}
type EmbeddedFontClass = new (doc: PDFKit.PDFDocument, font: FontkitFont, id: string) => EmbeddedFont;
interface DocFonts {
  _font: EmbeddedFont;
  _fontCount: number;
  _fontFamilies: Record<string, EmbeddedFont>;
}

let shared: { Embedded: EmbeddedFontClass; fonts: Map<string, FontkitFont> } | null = null;

/** Parses the faces once, through a throw-away document, and sets their shaping default. */
function load(): NonNullable<typeof shared> {
  if (shared) return shared;
  const boot = new PDFDocument({ autoFirstPage: false });
  const fonts = new Map<string, FontkitFont>();
  let Embedded: EmbeddedFontClass | null = null;
  for (const [alias, path] of Object.entries(FILES)) {
    boot.registerFont(alias, readFileSync(require.resolve(path)));
    const embedded = (boot.font(alias) as unknown as DocFonts)._font;
    const font = embedded.font;
    const layout = font.layout.bind(font);
    font.layout = (text, features) => layout(text, features ?? { ccmp: false });
    fonts.set(alias, font);
    Embedded = embedded.constructor as EmbeddedFontClass;
  }
  shared = { Embedded: Embedded!, fonts };
  return shared;
}

/** Registers the Noto Sans faces on a document, reusing the parsed fonts. */
export function attachFonts(doc: PDFKit.PDFDocument): void {
  const { Embedded, fonts } = load();
  const d = doc as unknown as DocFonts;
  for (const [alias, font] of fonts) {
    // registering keeps `doc.font(alias)` working; the pre-filled family entry means it is never re-parsed
    doc.registerFont(alias, Buffer.alloc(0));
    const embedded = new Embedded(doc, font, `F${++d._fontCount}`);
    d._fontFamilies[alias] = embedded;
    d._fontFamilies[embedded.name] = embedded;
  }
}
