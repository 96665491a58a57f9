import i18n from '../../i18n';
import './register-public-texts';
import { en, vi } from './texts';

// Added once, when the dashboard's code loads (deep merge, leaving the main texts alone).
i18n.addResourceBundle('vi', 'translation', { indexDash: vi }, true, false);
i18n.addResourceBundle('en', 'translation', { indexDash: en }, true, false);
