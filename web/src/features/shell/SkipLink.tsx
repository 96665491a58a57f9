import { useTranslation } from 'react-i18next';

/** The first focusable element: jumps keyboard users past the header and navigation. */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href="#main-content">
      {t('a11y.skipToContent')}
    </a>
  );
}
