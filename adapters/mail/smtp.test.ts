import { randomUUID } from 'node:crypto';
import { createMailer } from './index';
import { messageIdFor } from './message-id';
import { MailpitClient, startMailpit, testSmtpUrl } from './testing';

// The SMTP adapter against the stack's Mailpit: what nodemailer hands over is what a mail client receives.
const mailpit = new MailpitClient();
const mailer = createMailer({ kind: 'smtp', url: testSmtpUrl(), from: 'Market Test <shop@market.test>' });
afterAll(() => mailer.close());

test('send delivers subject, both bodies, the From, the Message-ID and extra headers', async () => {
  const key = `smtp-test-${randomUUID()}:email:order_shipped`;
  const messageId = messageIdFor(key);
  const to = `buyer-${randomUUID()}@example.com`;
  const sent = await mailer.send({
    to,
    subject: 'Your parcel — on its way',
    html: '<p>Hello <b>there</b></p>',
    text: 'Hello there',
    messageId,
    headers: { 'X-Market-Template': 'order_shipped' },
  });
  expect(sent.messageId).toBe(messageId);

  const [found] = await mailpit.waitFor(`to:${to}`);
  expect(found).toBeDefined();
  expect(await mailpit.byMessageId(messageId)).toHaveLength(1);
  const message = await mailpit.message(found!.ID);
  expect(message.MessageID).toBe(messageId.slice(1, -1));
  expect(message.Subject).toBe('Your parcel — on its way');
  expect(message.From).toEqual({ Name: 'Market Test', Address: 'shop@market.test' });
  expect(message.To.map((a) => a.Address)).toEqual([to]);
  expect(message.HTML).toContain('<b>there</b>');
  expect(message.Text.trim()).toBe('Hello there');
  expect((await mailpit.headers(found!.ID))['X-Market-Template']).toEqual(['order_shipped']);
});

test('send rejects when no SMTP server listens, and works again once one does', async () => {
  const own = await startMailpit();
  const local = createMailer({ kind: 'smtp', url: own.smtpUrl, from: 'shop@market.test' });
  try {
    const message = {
      to: 'down@example.com',
      subject: 'Down',
      html: '<p>x</p>',
      text: 'x',
      messageId: messageIdFor(`down-${randomUUID()}`),
    };
    await own.stop();
    await expect(local.send(message)).rejects.toMatchObject({ code: 'ESOCKET' });
    await own.start();
    await expect(local.send(message)).resolves.toEqual({ messageId: message.messageId });
    expect(await own.client.waitFor('to:down@example.com')).toHaveLength(1);
  } finally {
    await local.close();
    await own.close();
  }
});
