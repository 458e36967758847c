/** Reading the command line the one way every subcommand reads it. */

/** The value after `name` (`--in FILE`), or undefined when the flag or its value is absent. */
export function flag(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Whether the reader asked for the usage line (`--help` or `-h`). */
export function wantsHelp(args: readonly string[]): boolean {
  return args.includes('--help') || args.includes('-h');
}
