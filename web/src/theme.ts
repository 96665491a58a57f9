import { type CSSVariablesResolver, createTheme } from '@mantine/core';

/**
 * Mantine theme. The darkest shades are the "filled" ones so that white text on colour and
 * coloured text on light tints stay above the WCAG AA ratio of 4.5:1.
 * `sm` is 769 px so that the navigation collapses at 768 px and below (tablets in portrait).
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 9, dark: 7 },
  defaultRadius: 'md',
  focusRing: 'auto',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", "Liberation Sans", Arial, sans-serif',
  headings: { fontWeight: '700' },
  breakpoints: { xs: '36em', sm: '48.0625em', md: '62em', lg: '75em', xl: '88em' },
});

/** Mantine's default dimmed grey (gray.6) and error red (red.6) are about 3.3:1 on white; gray.7 and red.9 pass AA. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)', '--mantine-color-error': 'var(--mantine-color-red-9)' },
  dark: {},
});
