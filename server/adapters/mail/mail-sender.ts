/** The e-mail adapter: what the notifications need from any mail service (SMTP here; an HTTP API could follow). */

/** One e-mail to one recipient: a plain-text body and its simple HTML rendering. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /**
   * A stable Message-ID (`<…@…>`) derived from what is notified, so that a copy sent again after a
   * crash between sending and recording carries the same id and a mail system can tell it apart.
   */
  messageId?: string;
}

/** Sends e-mail; a rejected or unreachable server throws (the caller's job retries later). */
export interface MailSender {
  /** Answers the Message-ID the message went out with. */
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): Promise<void>;
}
