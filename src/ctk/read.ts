// Chaos Toolkit journal files into testsuites.
import { ConfigError, errorMessage } from '../errors.ts';
import { readInputFile, resultFileLimit } from '../files.ts';
import type { ReportSuite } from '../report/model.ts';
import { ctkJournalToSuite } from './journal.ts';

export function readCtkJournal(file: string): ReportSuite {
  const text = readInputFile(file, 'Chaos Toolkit journal', resultFileLimit);
  let journal: unknown;
  try {
    journal = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${file}: the Chaos Toolkit journal is not JSON: ${errorMessage(error)}`);
  }
  return ctkJournalToSuite(journal, file);
}
