/** The staff sections of the translations, cut out of `vi.ts` / `en.ts` by the build (web/vite.config.ts). */
declare module 'virtual:staff-texts' {
  export const vi: Record<string, unknown>;
  export const en: Record<string, unknown>;
}
