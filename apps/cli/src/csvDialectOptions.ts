import { type Command, Option } from 'commander';
import { DATE_FORMATS } from '@klantreis/analytics/names';
import { CliError } from './cliError.ts';

/** `tab` and `\t` on a command line both mean a tab: a literal tab is hard to type in a shell. */
export function parseDelimiter(value: string): string {
  const delimiter = value === 'tab' || value === '\\t' ? '\t' : value;
  if (delimiter.length !== 1) throw new CliError(`a delimiter is one character, got ${JSON.stringify(value)}`);
  return delimiter;
}

/** The CSV dialect options every file-reading command shares; each is detected when left out. */
export function addCsvDialectOptions(command: Command): Command {
  return command
    .option('--delimiter <char>', 'CSV delimiter: , ; | or tab (detected when left out)', parseDelimiter)
    .addOption(new Option('--decimal <mark>', 'decimal mark of numbers').choices(['.', ',']))
    .option('--encoding <name>', 'text encoding, e.g. utf-8 or windows-1252 (detected when left out)')
    .addOption(new Option('--date-format <format>', 'timestamp format (detected when left out)').choices(DATE_FORMATS));
}
