import i18n from '../../i18n';
import { en, vi } from './texts';

// Added once, when a reform page loads (deep merge, leaving the main texts alone).
i18n.addResourceBundle('vi', 'translation', { reform: vi }, true, false);
i18n.addResourceBundle('en', 'translation', { reform: en }, true, false);
