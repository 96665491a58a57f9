/** Masks an e-mail address for logs and lists: `nguyen.an@gmail.com` → `n***@gmail.com`. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${address[0]}***${address.slice(at)}`;
}

const ADDRESS = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/** Masks every e-mail address inside free text (an SMTP server's error names the recipient it refused). */
export function maskEmailsIn(text: string): string {
  return text.replace(ADDRESS, maskEmail);
}
