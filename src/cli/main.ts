/**
 * `claimlens` command line: the same core as the extension, for researchers working on many
 * articles at once. Subcommands other than `analyze` live in their own modules, loaded when named: each
 * reads its own model or validator, which the other commands need not pay for.
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
  stance --bodies B.csv --stances S.csv --out P.csv
      FNC-1 predictions: the stance (agree, disagree, discuss, unrelated) of each body of B.csv
      toward each headline of S.csv, written in the official CSV format.
  paraphrase --in MSRP.txt --out P.tsv
      MSRP predictions: for each sentence pair of an MSRP file, whether the two state the same
      fact (1) or not (0), written as #1 ID, #2 ID, Quality.
  validate FILE
      Check an annotation export against schema/claimlens-annotations.schema.json and the
      importer's own rules.
  help             Show this text

Exit codes: 0 done, 1 failure (a file that cannot be read or is invalid), 2 usage error.
`;

/** A subcommand's module: `run` returns the exit code. */
interface Subcommand {
  run(args: string[]): Promise<number>;
}

/** The other subcommands, each imported only when it is run (static specifiers, so each is type-checked). */
const SUBCOMMANDS: Record<string, () => Promise<Subcommand>> = {
  stance: () => import('./stance.ts'),
  paraphrase: () => import('./paraphrase.ts'),
  validate: () => import('./validate.ts'),
};

/** Runs one command line; returns the process exit code (0 ok, 1 failure, 2 usage error). */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    (command ? io.out : io.err)(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'analyze') return runAnalyze(rest, io);
  const load = Object.hasOwn(SUBCOMMANDS, command) ? SUBCOMMANDS[command] : undefined;
  if (load) return (await load()).run(rest);
  io.err(`claimlens: unknown command "${command}"\n\n${USAGE}`);
  return 2;
}
