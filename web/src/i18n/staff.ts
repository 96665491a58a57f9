import { en, vi } from 'virtual:staff-texts';
import i18n from './index';

// The staff workspace's texts (the sections in staff-sections.json), left out of the main bundle by the build and
// added here, when the workspace's code loads (deep merge, leaving the public texts alone).
i18n.addResourceBundle('vi', 'translation', vi, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
