// The Bolt baseline for docs/PERFORMANCE.md (Slack): the same work PolicyBot's endpoint does for a signed slash
// command — verify the v0 signature, parse the form, route "/policy <command> <args>", escape the user text and
// answer inline with Block Kit — in @slack/bolt's own HTTP receiver. Written for this benchmark; no network needed.
const { App, LogLevel } = require('@slack/bolt');

const port = Number(process.env.PORT || 3000);
const signingSecret = process.env.SLACK_SIGNING_SECRET;
if (!signingSecret) {
  console.error('SLACK_SIGNING_SECRET is required');
  process.exit(2);
}

const app = new App({
  signingSecret,
  logLevel: LogLevel.ERROR,
  // No Slack to talk to: a fixed authorization instead of auth.test.
  authorize: async () => ({ botToken: 'xoxb-benchmark', botId: 'B1', botUserId: 'UBOT' }),
});

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

app.command('/policy', async ({ command, ack }) => {
  const text = command.text.trim();
  const space = text.search(/\s/);
  const name = (space < 0 ? text : text.slice(0, space)).toLowerCase() || 'help';
  const args = space < 0 ? '' : text.slice(space + 1).trim();
  const body = `You asked: *${escape(args)}*`;
  await ack({
    response_type: 'in_channel',
    text: body,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: escape(name), emoji: true } },
      { type: 'section', text: { type: 'mrkdwn', text: body } },
    ],
  });
});

(async () => {
  await app.start(port);
  console.log(`bolt listening on ${port}`);
})();
