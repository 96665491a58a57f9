/** The SMS adapter: what the notifications need from an SMS gateway (a brand-name SMS provider in production). */

/** One text message to one phone number. */
export interface OutgoingSms {
  to: string;
  text: string;
}

/** Sends SMS; a failure throws (the caller's job retries later). */
export interface SmsSender {
  /** Answers the gateway's id of the message. */
  send(sms: OutgoingSms): Promise<{ id: string }>;
}
