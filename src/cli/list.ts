import { samples } from '../testing/events/samples.js';
import { type CliIo, EXIT, println } from './io.js';

/** Every documented event type by source, in the order `parseWebhook` tries the families. */
export function typesBySource(): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const [type, { source }] of samples) groups.set(source, [...(groups.get(source) ?? []), type]);
  return groups;
}

/** `coinme-sdk webhooks list` */
export function list(io: CliIo): number {
  let first = true;
  for (const [source, types] of typesBySource()) {
    if (!first) println(io.stdout);
    first = false;
    println(io.stdout, `${source} (${types.length})`);
    for (const type of types) println(io.stdout, `  ${type}`);
  }
  return EXIT.ok;
}
