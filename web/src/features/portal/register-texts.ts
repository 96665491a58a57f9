import i18n from '../../i18n';
import { vi } from './texts';

/** Adds the portal's English texts (a chunk of their own), then draws the page again in English. */
function addEnglish(): void {
  void import('./texts-en').then(({ en }) => {
    i18n.addResourceBundle('en', 'translation', { portal: en }, true, false);
    if (i18n.language === 'en') void i18n.changeLanguage('en');
  });
}

// Added once, when the first portal page's code loads (deep merge, leaving the main texts alone).
i18n.addResourceBundle('vi', 'translation', { portal: vi }, true, false);
if (i18n.language === 'en') addEnglish();
else {
  const onChange = (language: string) => {
    if (language !== 'en') return;
    i18n.off('languageChanged', onChange);
    addEnglish();
  };
  i18n.on('languageChanged', onChange);
}
