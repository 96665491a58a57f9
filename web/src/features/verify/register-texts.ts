import i18n from '../../i18n';
import { en, vi } from './texts';

// Added once, when the verification page's code loads (deep merge, leaving the main texts alone).
i18n.addResourceBundle('vi', 'translation', { verify: vi }, true, false);
i18n.addResourceBundle('en', 'translation', { verify: en }, true, false);
