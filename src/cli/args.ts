import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';
import { type CliIo, EXIT, println } from './io.js';

/** What one command's arguments parsed to. */
export interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/**
 * Parses a command's arguments strictly. On a mistake, prints the problem and where to find the
 * command's usage to stderr and returns `undefined`, so the caller exits with the usage code.
 */
export function parseCommand(io: CliIo, args: readonly string[], options: ParseArgsOptionsConfig, command: string): Parsed | undefined {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    return { values, positionals };
  } catch (error) {
    usageError(io, error instanceof Error ? error.message : String(error), command);
    return undefined;
  }
}

/**
 * Prints a usage mistake and, for a `command` (e.g. `webhooks trigger`), how to see its usage,
 * rather than the whole usage text; returns the usage exit code.
 */
export function usageError(io: CliIo, message: string, command?: string): number {
  println(io.stderr, `error: ${message}`);
  if (command !== undefined) println(io.stderr, `Run \`coinme-sdk ${command ? `${command} ` : ''}--help\` for usage.`);
  return EXIT.usage;
}

/** A string option's value, if given once. */
export function text(parsed: Parsed, name: string): string | undefined {
  const value = parsed.values[name];
  return typeof value === 'string' ? value : undefined;
}
