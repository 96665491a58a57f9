/** Masks a phone number for logs and lists: `0912 345 678` → `091****678` (first and last three digits kept). */
export function maskPhone(phone: string): string {
  const compact = phone.replace(/[\s.-]/g, '');
  if (compact.length < 7) return `${'*'.repeat(Math.max(compact.length - 2, 0))}${compact.slice(-2)}`;
  return `${compact.slice(0, 3)}${'*'.repeat(compact.length - 6)}${compact.slice(-3)}`;
}
