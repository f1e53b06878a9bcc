import { samples } from '../testing/events/samples.js';
import { parseCommand } from './args.js';
import { describeType } from './descriptions.js';
import { listHelp } from './help.js';
import { type CliIo, EXIT, println } from './io.js';

/** Every documented event type by source, in the order `parseWebhook` tries the families. */
export function typesBySource(): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const [type, { source }] of samples) groups.set(source, [...(groups.get(source) ?? []), type]);
  return groups;
}

/** `coinme-sdk webhooks list [--json]` */
export function list(io: CliIo, args: readonly string[] = []): number {
  const parsed = parseCommand(io, args, { json: { type: 'boolean' } }, 'webhooks list');
  if (!parsed) return EXIT.usage;
  if (parsed.values['help']) {
    io.stdout.write(listHelp);
    return EXIT.ok;
  }
  if (parsed.positionals.length > 0) {
    println(io.stderr, `error: unexpected argument "${parsed.positionals[0]}"`);
    return EXIT.usage;
  }
  if (parsed.values['json']) {
    const entries = [...samples].map(([type, { source }]) => ({ type, source, description: describeType(type) }));
    println(io.stdout, JSON.stringify(entries, null, 2));
    return EXIT.ok;
  }
  let first = true;
  for (const [source, types] of typesBySource()) {
    if (!first) println(io.stdout);
    first = false;
    println(io.stdout, `${source} (${types.length})`);
    const width = Math.max(...types.map((type) => type.length));
    for (const type of types) println(io.stdout, `  ${type.padEnd(width)}  ${describeType(type)}`.trimEnd());
  }
  return EXIT.ok;
}
