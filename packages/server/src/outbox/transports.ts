import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../config/config.js';

export interface EmailPayload {
  to: string;
  subject: string;
  text: string;
  html?: string | undefined;
  /** Attachments as text (XML/JSON reports). */
  attachments?: Array<{ filename: string; content: string; contentType: string }> | undefined;
}

export interface WebhookPayload {
  url: string;
  body: unknown;
}

/** How outbox messages leave the process; tests pass real local listeners, never mocks of the protocol. */
export interface OutboxTransports {
  sendEmail(msg: EmailPayload, messageId: string): Promise<void>;
  postWebhook(msg: WebhookPayload, idempotencyKey: string): Promise<void>;
}

const transporters = new Map<string, Transporter>();

/** E-mail through SMTP (nodemailer) at CENTINELA_SMTP_URL; webhooks by HTTP POST with an Idempotency-Key header. */
export function configuredTransports(config: Pick<Config, 'smtpUrl' | 'mailFrom'>): OutboxTransports {
  return {
    async sendEmail(msg, messageId) {
      if (!config.smtpUrl) throw new Error('CENTINELA_SMTP_URL is not set: e-mail cannot be sent');
      let t = transporters.get(config.smtpUrl);
      if (!t) transporters.set(config.smtpUrl, (t = nodemailer.createTransport(config.smtpUrl)));
      await t.sendMail({
        from: config.mailFrom,
        to: msg.to,
        subject: msg.subject,
        text: msg.text,
        ...(msg.html ? { html: msg.html } : {}),
        // A stable Message-ID: if a crash makes us send again, the receiver can tell it is the same notice.
        messageId: `<${messageId}@centinela.outbox>`,
        ...(msg.attachments ? { attachments: msg.attachments } : {}),
      });
    },
    async postWebhook(msg, key) {
      const res = await fetch(msg.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key, 'user-agent': 'Centinela-Outbox/1' },
        body: JSON.stringify(msg.body),
        redirect: 'manual',
        signal: AbortSignal.timeout(15_000),
      });
      await res.arrayBuffer().catch(() => undefined);
      if (res.status < 200 || res.status >= 300) throw new Error(`webhook answered HTTP ${res.status}`);
    },
  };
}
