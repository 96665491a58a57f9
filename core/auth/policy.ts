/** Sign-in and session rules. Kept here so the UI can explain them and tests can name them. */
export const AUTH_POLICY = {
  /** Consecutive wrong passwords before the account is locked. */
  maxFailedLogins: 5,
  lockoutMinutes: 15,
  /** A session ends after this much inactivity… */
  idleMinutes: 60,
  /** …and in any case this long after sign-in. */
  absoluteHours: 12,
  minPasswordLength: 10,
} as const;

/** A staff password must be long and mix letters and digits; demo accounts are seeded outside this rule. */
export function isStrongPassword(password: string): boolean {
  return password.length >= AUTH_POLICY.minPasswordLength && /\p{L}/u.test(password) && /\d/.test(password);
}

/** Portal (citizen) sessions: shorter than staff ones, as a shared or borrowed phone is common. */
export const PORTAL_SESSION_POLICY = {
  idleMinutes: 30,
  absoluteHours: 8,
} as const;
