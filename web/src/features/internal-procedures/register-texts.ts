import i18n from '../../i18n';
import { en, vi } from './texts';

// Added once, when the page loads (deep merge, leaving the main texts alone).
i18n.addResourceBundle('vi', 'translation', { internalProcedures: vi }, true, false);
i18n.addResourceBundle('en', 'translation', { internalProcedures: en }, true, false);
