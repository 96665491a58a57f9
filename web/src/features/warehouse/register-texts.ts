import i18n from '../../i18n';
import { en, vi } from './texts';

// Added once, when the first warehouse page or panel loads (deep merge, leaving the main texts alone).
i18n.addResourceBundle('vi', 'translation', { warehouse: vi }, true, false);
i18n.addResourceBundle('en', 'translation', { warehouse: en }, true, false);
