/**
 * Masks personal identification numbers (12-digit CCCD, 9-digit old CMND) inside free text,
 * keeping the first three and last three digits so support staff can still tell records apart.
 */
export function maskPersonalNumbers(text: string): string {
  return text
    .replace(/(?<!\d)(\d{3})\d{6}(\d{3})(?!\d)/g, '$1******$2')
    .replace(/(?<!\d)(\d{2})\d{5}(\d{2})(?!\d)/g, '$1*****$2');
}

/** Masks a CCCD for display to someone who is not its holder: `031******123`. */
export function maskCccd(cccd: string): string {
  return cccd.length === 12 ? `${cccd.slice(0, 3)}******${cccd.slice(9)}` : maskPersonalNumbers(cccd);
}
