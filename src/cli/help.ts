import { SECRET_ENV } from './io.js';

// Usage texts, one per command, printed by `--help` (stdout) and after a usage error (stderr).

export const mainHelp = `Usage: coinme-sdk <command> [options]

Commands:
  webhooks list       Print every documented webhook event type, grouped by source
  webhooks trigger    Send a signed sample event to a URL
  webhooks verify     Check the signature of a body read from stdin and parse it
  sandbox             Run a local Coinme: partner API, simulated widget, signed webhooks

Options:
  -h, --help          Show help (also after any command)
  -v, --version       Print the version
`;

export const webhooksHelp = `Usage: coinme-sdk webhooks <list|trigger|verify> [options]

Run \`coinme-sdk webhooks <command> --help\` for a command's options.
`;

export const listHelp = `Usage: coinme-sdk webhooks list

Prints every documented webhook event type, grouped by source.
`;

export const triggerHelp = `Usage: coinme-sdk webhooks trigger <type> --url <url> [options]

Builds a sample body of <type>, signs it as Coinme does and POSTs it to <url>.

Options:
  --url <url>             Where to send the event (http or https)
  --secret <secret>       Webhook secret (default: $${SECRET_ENV})
  --header <name>         Signature header (default: x-coinme-signature)
  --encoding <enc>        base64 (default) or hex
  --api-key <key>         Also send x-api-key
  --set <path=value>      Change a field, e.g. --set data.transactionId=42 (repeatable)
  --seed <seed>           Derive the event id from this seed (default: random)
  --timeout <ms>          Give up after this long (default: 10000)

Payment callbacks (payment_received, ...) are signed in the body, with no header.

Exit codes: 0 2xx answer, 1 other answer, 2 usage error, 3 network failure.
`;

export const verifyHelp = `Usage: coinme-sdk webhooks verify [options] < body.json

Checks the signature of the body on stdin, then parses it and prints its type, id and time.

Options:
  --secret <secret>       Webhook secret (default: $${SECRET_ENV})
  --signature <sig>       The signature header's value
  --header-file <file>    Read the signature from a file of "Name: value" header lines
  --header <name>         Signature header in that file (default: x-coinme-signature)
  --encoding <enc>        base64 or hex (default: detected)
  --scheme <scheme>       header or body (default: header when a signature is given,
                          body when the body has a "signature" field)

Exit codes: 0 valid, 1 bad signature or body, 2 usage error.
`;
