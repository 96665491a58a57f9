import i18n from '../../i18n';
import { en, vi } from './texts';

// Added once, when the wizard's code first loads (under `submit`, beside the main bundle's texts).
i18n.addResourceBundle('vi', 'translation', { submit: vi }, true, false);
i18n.addResourceBundle('en', 'translation', { submit: en }, true, false);
