import { API_KEY_ENV, SECRET_ENV, VALIDATION_ENV } from './io.js';

// Usage texts, one per command, printed by `--help` (stdout).

export const mainHelp = `Usage: coinme-sdk <command> [options]

Commands:
  webhooks list       Print every documented webhook event type, grouped by source
  webhooks trigger    Send a signed sample event to a URL
  webhooks verify     Check the signature of a body read from stdin and parse it
  validation check    Ask a user-validation endpoint about a user, as Coinme does
  sandbox             Run a local Coinme: partner API, simulated widget, signed webhooks

Options:
  -h, --help          Show help (also after any command)
  -v, --version       Print the version
`;

export const webhooksHelp = `Usage: coinme-sdk webhooks <list|trigger|verify> [options]

Run \`coinme-sdk webhooks <command> --help\` for a command's options.
`;

export const validationHelp = `Usage: coinme-sdk validation check --email <email> [options]

Run \`coinme-sdk validation check --help\` for its options.
`;

export const listHelp = `Usage: coinme-sdk webhooks list [--json]

Prints every documented webhook event type, grouped by source.

Options:
  --json                  One JSON array of { type, source, description }
`;

export const triggerHelp = `Usage: coinme-sdk webhooks trigger <type> [options]

Builds a sample body of <type>, signs it as Coinme does and POSTs it to the receiver.

Options:
  --url <url>             Where to send the event (default: $COINME_WEBHOOK_URL,
                          else http://localhost:3000/api/webhooks/coinme)
  --allow-remote          Allow a URL that is not on this machine (loopback only by default)
  --secret-file <file>    Read the webhook secret from a file (default: $${SECRET_ENV})
  --secret <secret>       The secret itself (visible in ps and shell history: avoid)
  --header <name>         Signature header (default: x-coinme-signature)
  --encoding <enc>        base64 (default) or hex
  --api-key-file <file>   Also send x-api-key, read from a file (default: $${API_KEY_ENV})
  --api-key <key>         The API key itself (visible in ps and shell history: avoid)
  --set <path=value>      Change an existing field, e.g. --set data.transactionId=42 (repeatable)
  --set-new <path=value>  Add a field the sample does not have (repeatable)
  --seed <seed>           Derive the event id from this seed (default: random)
  --timeout <ms>          Give up after this long (default: 10000)
  --print                 Print the request (headers, body, a curl line), then send it
  --dry-run               Print the request without sending it

Payment callbacks (payment_received, ...) are signed in the body, with no header.
Every request carries coinme-sdk-test-delivery: 1. Redirects are never followed.

Exit codes: 0 2xx answer, 1 other answer or a redirect, 2 usage error, 3 network failure.
`;

export const verifyHelp = `Usage: coinme-sdk webhooks verify [options] < body.json

Checks the signature of the body on stdin, then parses it and prints its type, id and time.

Options:
  --secret-file <file>    Read the webhook secret from a file (default: $${SECRET_ENV})
  --secret <secret>       The secret itself (visible in ps and shell history: avoid)
  --signature <sig>       The signature header's value
  --header-file <file>    Read the signature from a file of "Name: value" header lines
  --header <name>         Signature header in that file (default: x-coinme-signature)
  --encoding <enc>        base64 or hex (default: detected)
  --scheme <scheme>       header or body (default: header when a signature is given,
                          body when the body has a "signature" field)

Exit codes: 0 valid, 1 bad signature or body, 2 usage error.
`;

export const checkHelp = `Usage: coinme-sdk validation check --email <email> [options]

POSTs { "email": ... } to a partner's user-validation endpoint with the credential Coinme
would send, then prints the status, the answer and the latency.

Options:
  --url <url>             The endpoint (default: $COINME_VALIDATION_URL,
                          else http://localhost:3000/api/coinme/validate-user)
  --allow-remote          Allow a URL that is not on this machine (loopback only by default)
  --email <email>         The user to ask about
  --field <name=value>    Another body field (repeatable; JSON values, else text)
  --auth <kind>           bearer, basic, api-key or none (default: the first one configured)
  --api-key-header <name> Header of the API key (default: x-api-key)
  --timeout <ms>          Give up after this long (default: 10000)
  --print                 Print the request (headers, body, a curl line), then send it
  --dry-run               Print the request without sending it

Credentials, from the environment only:
  bearer   $${VALIDATION_ENV.token}
  basic    $${VALIDATION_ENV.username} and $${VALIDATION_ENV.password}
  api-key  $${VALIDATION_ENV.apiKey}

Exit codes: 0 answered true, 1 answered false or anything else, 2 usage error, 3 network failure.
`;
