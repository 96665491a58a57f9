-- Notifications to applicants (issue 6): what was sent, on which channel, to whom, and how it went.
-- One row per notify job and channel: a retried job skips the channels already sent (no duplicate
-- after a partial success). unit_id is the dossier's receiving unit, the feature's shard key.
CREATE TABLE notification_deliveries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- the notify job (no foreign key: finished jobs may be purged, the record stays)
  job_id uuid NOT NULL,
  dossier_id uuid NOT NULL REFERENCES dossiers(id),
  unit_id uuid NOT NULL REFERENCES units(id),
  event text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('email', 'sms')),
  recipient text NOT NULL,
  locale text NOT NULL CHECK (locale IN ('vi', 'en')),
  -- what was sent, for the record (a lookup secret is replaced by asterisks here)
  subject text,
  body text NOT NULL,
  status text NOT NULL CHECK (status IN ('sent', 'failed')),
  attempts integer NOT NULL DEFAULT 1 CHECK (attempts > 0),
  error text,
  -- the SMTP Message-ID or the SMS gateway's id
  provider_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  UNIQUE (job_id, channel)
);
CREATE INDEX notification_deliveries_dossier_idx ON notification_deliveries (dossier_id, created_at);

-- The local SMTP sink of the embedded default (server/sim/mail): a bounded mailbox shown at /sim/mail.
CREATE TABLE sim_mail_messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  received_at timestamptz NOT NULL DEFAULT now(),
  mail_from text,
  recipients text NOT NULL,
  subject text,
  message_id text,
  text_body text,
  html_body text,
  size integer NOT NULL
);
CREATE INDEX sim_mail_messages_received_idx ON sim_mail_messages (received_at DESC);

-- The simulated SMS gateway (server/adapters/sms): every message it "sent", bounded.
CREATE TABLE sim_sms_messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  phone text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sim_sms_messages_created_idx ON sim_sms_messages (created_at DESC);
