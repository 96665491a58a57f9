/**
 * The text of a PDF made by our form renderers (pdfkit, Type0 fonts with ToUnicode maps), one string
 * per text run in drawing order: enough for tests to read what a form prints, not a general parser.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const out = new Map<number, PdfObject>();
  for (const m of text.matchAll(/(\d+) 0 obj\b/g)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    const body = text.slice(start, end);
    const s = body.search(/stream\r?\n/);
    if (s < 0) {
      out.set(Number(m[1]), { dict: body, stream: null });
      continue;
    }
    const dataStart = start + s + body.slice(s).indexOf('\n') + 1;
    const raw = pdf.subarray(dataStart, text.indexOf('endstream', dataStart));
    const dict = body.slice(0, s);
    out.set(Number(m[1]), { dict, stream: dict.includes('/FlateDecode') ? inflateSync(raw) : raw });
  }
  return out;
}

/** Glyph id → text, from a ToUnicode CMap's bfchar and bfrange entries. */
function cmap(source: string): Map<number, string> {
  const map = new Map<number, string>();
  const hexText = (h: string) => String.fromCodePoint(...(h.match(/.{4}/g) ?? []).map((x) => Number.parseInt(x, 16)));
  for (const [, block] of source.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, list, single] of block!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*(?:\[([^\]]*)\]|<([0-9a-f]+)>)/gi)) {
      const first = Number.parseInt(lo!, 16);
      if (list) {
        for (const [i, [, h]] of [...list.matchAll(/<([0-9a-f]+)>/gi)].entries()) map.set(first + i, hexText(h!));
        continue;
      }
      // `<lo> <hi> <dst>`: consecutive glyphs map to consecutive characters from dst
      const dst = Number.parseInt(single!, 16);
      for (let g = first; g <= Number.parseInt(hi!, 16); g += 1) map.set(g, String.fromCodePoint(dst + g - first));
    }
  }
  for (const [, block] of source.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, g, h] of block!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>/gi)) map.set(Number.parseInt(g!, 16), hexText(h!));
  }
  return map;
}

/** Every text run (`TJ`) of every page, decoded through its font's ToUnicode map. */
export function pdfTextRuns(pdf: Buffer): string[] {
  const objs = objects(pdf);
  const maps = new Map<number, Map<number, string>>();
  const fontMap = (fontObj: number) => {
    if (!maps.has(fontObj)) {
      const ref = /\/ToUnicode (\d+) 0 R/.exec(objs.get(fontObj)?.dict ?? '');
      maps.set(fontObj, ref ? cmap(objs.get(Number(ref[1]))!.stream!.toString('latin1')) : new Map());
    }
    return maps.get(fontObj)!;
  };
  const runs: string[] = [];
  for (const page of [...objs.values()].filter((o) => /\/Type \/Page\b/.test(o.dict))) {
    const fonts = new Map<string, number>();
    const resources = /\/Resources (\d+) 0 R/.exec(page.dict);
    const resDict = resources ? (objs.get(Number(resources[1]))?.dict ?? '') : page.dict;
    const fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(resDict)?.[1] ?? '';
    for (const [, name, ref] of fontDict.matchAll(/\/(\w+) (\d+) 0 R/g)) fonts.set(name!, Number(ref));
    const contents = /\/Contents (\d+) 0 R/.exec(page.dict);
    const stream = contents ? (objs.get(Number(contents[1]))?.stream?.toString('latin1') ?? '') : '';
    let map = new Map<number, string>();
    for (const m of stream.matchAll(/\/(\w+) [\d.]+ Tf|\[([^\]]*)\] TJ/g)) {
      if (m[1]) map = fontMap(fonts.get(m[1]) ?? -1);
      else runs.push([...m[2]!.matchAll(/<([0-9a-f]+)>/gi)].map(([, h]) => (h!.match(/.{4}/g) ?? []).map((g) => map.get(Number.parseInt(g, 16)) ?? '\uFFFD').join('')).join(''));
    }
  }
  return runs;
}
