/**
 * `claimlens` command line: the same core as the extension, for researchers working on many
 * articles at once. Subcommands other than `analyze` live in their own modules and are loaded on
 * demand, so each can be developed (and fail) on its own.
 */
import { runAnalyze } from './analyze.ts';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

const USAGE = `Usage: claimlens <command> [options]

Commands:
  analyze FILE|DIR... [--json] [--outlets map.json] [--threshold N] [--export FILE]
      Analyse .txt and .html articles and feeds (.rss, .atom, .xml, .json: each item an article
      of the feed's outlet) as one corpus: check-worthy claims and how the other files' outlets
      stand toward each of them (confirms / disputes / unclear).
  stance ...       Stance of one sentence toward another (see claimlens stance --help)
  paraphrase ...   Whether two sentences state the same fact (see claimlens paraphrase --help)
  validate ...     Validate exported data (see claimlens validate --help)
  help             Show this text
`;

/** Sub-modules written by other parts of the project; each exports `run(args): Promise<number>`. */
const EXTERNAL = new Set(['stance', 'paraphrase', 'validate']);

/** Runs one command line; returns the process exit code (0 ok, 1 failure, 2 usage error). */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    (command ? io.out : io.err)(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'analyze') return runAnalyze(rest, io);
  if (EXTERNAL.has(command)) {
    const path = `./${command}.ts`;
    let mod: { run?: (args: string[]) => Promise<number> };
    try {
      mod = await import(/* @vite-ignore */ path);
    } catch (error) {
      io.err(`claimlens: the ${command} command is not available (${(error as Error).message})\n`);
      return 1;
    }
    if (typeof mod.run !== 'function') {
      io.err(`claimlens: the ${command} command is not available\n`);
      return 1;
    }
    return mod.run(rest);
  }
  io.err(`claimlens: unknown command "${command}"\n\n${USAGE}`);
  return 2;
}
