import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { vi } from './vi';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'motcua.language';

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/** Remembers the choice and keeps `<html lang>` right for screen readers and hyphenation. */
function applyLanguage(language: string): void {
  document.documentElement.lang = language;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
}

i18n.on('languageChanged', applyLanguage);

let englishLoaded = false;

/**
 * Vietnamese, the default, is bundled; English is fetched the first time it is chosen (or on start
 * when it was remembered), so a phone on the portal never downloads both (docs/portal.md, Portal web).
 */
const englishOnDemand: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (language, _namespace, callback) => {
    if (language !== 'en') return callback(null, vi);
    import('./en').then(
      (module) => {
        englishLoaded = true;
        callback(null, module.en);
      },
      (error: Error) => callback(error, false),
    );
  },
};

void i18n.use(englishOnDemand).use(initReactI18next).init({
  resources: { vi: { translation: vi } },
  partialBundledLanguages: true,
  lng: storedLanguage(),
  fallbackLng: 'vi',
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false },
  returnNull: false,
});

/**
 * Switches the UI language. English is fetched first if it never was: a lazily loaded feature may
 * already have added its own English texts (`addResourceBundle`), which i18next would otherwise
 * take for the whole language being loaded.
 */
export async function setLanguage(language: Language): Promise<void> {
  if (language === 'en' && !englishLoaded) await i18n.reloadResources(['en']);
  await i18n.changeLanguage(language);
}

/** The current UI language, as sent in `Accept-Language`. */
export function currentLanguage(): Language {
  return i18n.resolvedLanguage === 'en' ? 'en' : 'vi';
}

export default i18n;
