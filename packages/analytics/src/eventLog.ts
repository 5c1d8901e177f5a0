// One event log on its own, for `klantreis log stats|dfg`: import (cached by content), open,
// count and draw the directly-follows graph, without the journey metrics, surveys and XLAs of
// the package's main entry, so the command starts sooner.
export { importAndOpenLog, importLog, openImportedLog, type ImportedLog, type ImportLogOptions, type OpenedLog } from './logImporter.ts';
export { LogImportError } from './logImportError.ts';
export { logDfg, logStats, logStatsAndDfg, type DirectlyFollowsGraph, type LogStats } from './logQueries.ts';
