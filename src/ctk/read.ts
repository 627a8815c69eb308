// Chaos Toolkit journal files into testsuites.
import { readFileSync } from 'node:fs';
import { ConfigError, errorMessage } from '../errors.ts';
import type { ReportSuite } from '../report/model.ts';
import { ctkJournalToSuite } from './journal.ts';

export function readCtkJournal(file: string): ReportSuite {
  let journal: unknown;
  try {
    journal = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${file}: cannot read the Chaos Toolkit journal: ${errorMessage(error)}`);
  }
  return ctkJournalToSuite(journal, file);
}
