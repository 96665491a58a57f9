import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
// Top-level sections of src/i18n/{vi,en}.ts that only the staff workspace reads (a new section is public).
import STAFF_TEXT_SECTIONS from './src/i18n/staff-sections.json' with { type: 'json' };

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const webRoot = fileURLToPath(new URL('.', import.meta.url));

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Writes a `.br` and a `.gz` beside every text file of the build, at the highest levels (done once
 * here, not per request), for the server to send as they are (`preCompressed`); and records which
 * source modules each chunk holds (`.vite/modules.json`), so the portal's budget test can prove
 * that no back-office code or chart library reaches a citizen's page (docs/portal.md, Portal web).
 */
function precompressAndListModules(): Plugin {
  const modules: Record<string, string[]> = {};
  return {
    name: 'motcua:precompress',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const item of Object.values(bundle)) {
        if (item.type === 'chunk') modules[item.fileName] = item.moduleIds.map((id) => path.relative(repoRoot, id.replace(/^\0/, '')).split(path.sep).join('/'));
      }
    },
    async writeBundle(options, bundle) {
      const outDir = options.dir ?? '';
      await mkdir(path.join(outDir, '.vite'), { recursive: true });
      await writeFile(path.join(outDir, '.vite', 'modules.json'), JSON.stringify(modules, null, 1));
      const texts = Object.keys(bundle).filter((file) => /\.(js|css|html|svg)$/.test(file));
      await Promise.all(
        texts.map(async (file) => {
          const data = await readFile(path.join(outDir, file));
          const [br, gz] = await Promise.all([
            brotli(data, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
            gzipAsync(data, { level: constants.Z_BEST_COMPRESSION }),
          ]);
          await Promise.all([writeFile(path.join(outDir, `${file}.br`), br), writeFile(path.join(outDir, `${file}.gz`), gz)]);
        }),
      );
    },
  };
}

const TEXTS_FILE = /[\\/]src[\\/]i18n[\\/](vi|en)\.ts$/;
const STAFF_TEXTS_ID = 'virtual:staff-texts';

/**
 * Splits the translations for the build: `vi.ts` and `en.ts` keep every section but the staff
 * workspace's (STAFF_TEXT_SECTIONS) in the main bundle, and `virtual:staff-texts` (imported by the
 * workspace's code through `src/i18n/staff.ts`) holds those, cut from the same files (`?staff`).
 * One source for editors and tests; outside the build (dev server) the files are left whole.
 */
function splitStaffTexts(): Plugin {
  const staff = new Set<string>(STAFF_TEXT_SECTIONS);
  let building = false;
  return {
    name: 'motcua:staff-texts',
    configResolved(config) {
      building = config.command === 'build';
    },
    resolveId(id) {
      return id === STAFF_TEXTS_ID ? `\0${STAFF_TEXTS_ID}` : null;
    },
    load(id) {
      if (id !== `\0${STAFF_TEXTS_ID}`) return null;
      const file = (name: string) => JSON.stringify(`${path.join(webRoot, 'src', 'i18n', name)}?staff`);
      return `export { vi } from ${file('vi.ts')};\nexport { en } from ${file('en.ts')};\n`;
    },
    transform(code, id) {
      const [file = '', query] = id.split('?');
      if (!TEXTS_FILE.test(file) || (!building && query !== 'staff')) return null;
      const wantStaff = query === 'staff';
      const program = this.parse(code, { lang: 'ts' });
      for (const statement of program.body) {
        if (statement.type !== 'ExportNamedDeclaration' || statement.declaration?.type !== 'VariableDeclaration') continue;
        const declarator = statement.declaration.declarations[0];
        if (declarator?.id.type !== 'Identifier' || declarator.init?.type !== 'ObjectExpression') continue;
        const kept = declarator.init.properties
          .filter((p) => p.type === 'Property' && p.key.type === 'Identifier' && staff.has(p.key.name) === wantStaff)
          .map((p) => code.slice(p.start, p.end));
        return { code: `export const ${declarator.id.name} = {\n${kept.join(',\n')}\n};\n`, map: null };
      }
      this.error(`${file}: no exported object of texts found`);
    },
  };
}

/** The web client: built into web/dist, which the server serves with an SPA fallback. */
export default defineConfig({
  root: webRoot,
  plugins: [react(), splitStaffTexts(), precompressAndListModules()],
  resolve: { alias: { '@core': fileURLToPath(new URL('../core', import.meta.url)) } },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // Maps chunk files to their sources (index.html, lazy pages), for the budget test and for audits.
    manifest: true,
    rolldownOptions: {
      output: {
        // React changes far less often than the app: its own chunk stays cached across releases. It
        // is needed by every page anyway. Other libraries are NOT grouped whole: a group holds every
        // part of a library that any page uses, so a Mantine or "vendor" group would load the back
        // office's widgets and zod on the portal's first page (docs/portal.md, Portal web).
        // Two groups cut the per-chunk overhead instead (docs/portal.md, Portal quality bar): what
        // the entry imports statically (`$initial`: loaded by every page anyway) is one chunk rather
        // than ~18, and the few Mantine components most portal pages use are one more.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/, priority: 3 },
            { name: 'shell', tags: ['$initial'], priority: 2 },
            { name: 'ui', test: /@mantine[\\/]core[\\/]esm[\\/]components[\\/](Alert|Badge|Card|CloseButton|Input|InputBase|List|Paper|SimpleGrid|Stack|TextInput)[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    fs: { allow: [repoRoot] },
    proxy: {
      '/api': 'http://localhost:3000',
      '/healthz': 'http://localhost:3000',
    },
  },
});
