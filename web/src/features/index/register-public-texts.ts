import i18n from '../../i18n';
import { en, vi } from './public-texts';

// Added once, when the public index page or the dashboard loads (deep merge, leaving the main texts alone).
i18n.addResourceBundle('vi', 'translation', { indexPublic: vi }, true, false);
i18n.addResourceBundle('en', 'translation', { indexPublic: en }, true, false);
