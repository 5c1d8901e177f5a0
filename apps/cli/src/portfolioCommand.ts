import { join } from 'node:path';
import { Option, type Command } from 'commander';
import type { OpportunitiesResponse, PortfolioJourney, PortfolioResponse } from '@klantreis/core/contracts';
import { CliError } from './cliError.ts';

// `klantreis portfolio` and `klantreis opportunities`: the journey portfolio and the opportunity
// portfolio of a workspace on the server's own data (the data folder or DATABASE_URL),
// computed by the same functions as GET /api/portfolio and /api/portfolio/opportunities, so the
// figures are the API's. A table to read by default; the API's JSON with --json (and the
// opportunities' CSV download with --csv).

type Locale = 'nl' | 'en';

const WORDS = {
  nl: {
    header: ['Gezondheid', 'Klantreis', 'Soort', 'Status', 'Eigenaar', 'Ontworpen', 'Gemeten', 'Afgerond', 'Bevindingen', 'Waarom'],
    health: { healthy: 'gezond', attention: 'aandacht', critical: 'kritiek', unknown: 'onbekend' },
    kind: { journey: 'klantreis', experience: 'belevingskaart', 'end-user': 'eindgebruikersreis', blueprint: 'blauwdruk' },
    status: { idea: 'idee', 'as-is': 'huidige reis', researched: 'onderzocht', 'to-be': 'gewenste reis', live: 'live', measured: 'gemeten' },
    findings: (critical: number, warning: number) => `${critical} kritiek, ${warning} waarsch.`,
    empty: 'Geen klantreizen in deze werkruimte.',
    decimal: ',',
  },
  en: {
    header: ['Health', 'Journey', 'Type', 'Status', 'Owner', 'Designed', 'Measured', 'Completed', 'Findings', 'Why'],
    health: { healthy: 'healthy', attention: 'attention', critical: 'critical', unknown: 'unknown' },
    kind: { journey: 'journey', experience: 'experience map', 'end-user': 'end-user journey', blueprint: 'blueprint' },
    status: { idea: 'idea', 'as-is': 'as-is', researched: 'researched', 'to-be': 'to-be', live: 'live', measured: 'measured' },
    findings: (critical: number, warning: number) => `${critical} critical, ${warning} warn.`,
    empty: 'No journeys in this workspace.',
    decimal: '.',
  },
} as const;

function score(value: number | null, locale: Locale): string {
  if (value === null) return '–';
  const rounded = Math.round(value * 10) / 10;
  const text = Math.abs(rounded).toFixed(1).replace('.', WORDS[locale].decimal);
  return rounded > 0 ? `+${text}` : rounded < 0 ? `−${text}` : text;
}

function cut(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

function journeyRow(journey: PortfolioJourney, locale: Locale, reasonText: (journey: PortfolioJourney) => string): string[] {
  const words = WORDS[locale];
  const rate = journey.measurement?.completionRate ?? null;
  return [
    words.health[journey.health.level],
    cut(journey.title, 40),
    words.kind[journey.kind],
    words.status[journey.status],
    cut(journey.owner.name || '–', 24),
    score(journey.scores.designedRemembered, locale),
    score(journey.scores.measuredRemembered, locale),
    rate === null ? '–' : `${Math.round(rate * 100)}%`,
    words.findings(journey.findings.critical, journey.findings.warning),
    reasonText(journey),
  ];
}

/** Columns padded to their widest cell; the last column runs on. */
export function portfolioTable(portfolio: PortfolioResponse, locale: Locale, reasonText: (journey: PortfolioJourney) => string): string {
  if (portfolio.journeys.length === 0) return WORDS[locale].empty;
  const rows = [[...WORDS[locale].header], ...portfolio.journeys.map((j) => journeyRow(j, locale, reasonText))];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ')).join('\n');
}

const OPPORTUNITY_WORDS = {
  nl: {
    header: ['Klantreis', 'Soort', 'Titel', 'Eigenaar', 'Status', 'Deadline', 'Impact', 'Inspanning'],
    source: { action: 'actie', finding: 'bevinding' },
    status: { idea: 'idee', planned: 'gepland', doing: 'bezig', done: 'klaar', open: 'open' },
    empty: 'Geen verbeterkansen in deze werkruimte.',
  },
  en: {
    header: ['Journey', 'Type', 'Title', 'Owner', 'Status', 'Due', 'Impact', 'Effort'],
    source: { action: 'action', finding: 'finding' },
    status: { idea: 'idea', planned: 'planned', doing: 'doing', done: 'done', open: 'open' },
    empty: 'No opportunities in this workspace.',
  },
} as const;

export function opportunitiesTable(answer: OpportunitiesResponse, locale: Locale): string {
  const words = OPPORTUNITY_WORDS[locale];
  if (answer.opportunities.length === 0) return words.empty;
  const rows = [
    [...words.header],
    ...answer.opportunities.map((o) => [
      cut(o.journeyTitle, 30),
      words.source[o.source],
      cut(o.title.replace(/\s+/g, ' '), 60),
      cut(o.owner || '–', 20),
      words.status[o.status],
      o.dueDate ?? '–',
      o.impact === null ? '–' : String(o.impact),
      o.effort === null ? '–' : String(o.effort),
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ')).join('\n');
}

/** Opens the store of the server's data, runs `work` on it and the analytics folder beside it, and closes it. */
async function onStore<T>(work: (store: import('@klantreis/db').JourneyStore, analyticsDir: string) => Promise<T>): Promise<T> {
  const [{ configFromEnv }, { openStore }, { UnknownWorkspaceError }] = await Promise.all([import('@klantreis/server/config'), import('@klantreis/db'), import('@klantreis/server/portfolio')]);
  const config = configFromEnv();
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await work(store, join(config.dataDir, 'analytics'));
  } catch (error) {
    if (error instanceof UnknownWorkspaceError) throw new CliError(error.message);
    throw error;
  } finally {
    await store.close();
  }
}

export function registerPortfolioCommand(program: Command): void {
  program
    .command('portfolio')
    .description('the journey portfolio of a workspace: owner, status, scores, measurement and health per journey (the figures of GET /api/portfolio)')
    .option('--workspace <id>', 'the workspace (default: the first)')
    .option('--json', 'print the API’s JSON (PortfolioResponse)')
    .addOption(new Option('--lang <language>', 'the language of the table').choices(['nl', 'en']).default('nl'))
    .action(async (options: { workspace?: string; json?: boolean; lang: Locale }) => {
      const { storePortfolio } = await import('@klantreis/server/portfolio');
      const portfolio = await onStore((store, analyticsDir) => storePortfolio(store, analyticsDir, options.workspace));
      if (options.json) {
        console.log(JSON.stringify(portfolio, null, 2));
        return;
      }
      const { healthReasonText } = await import('@klantreis/evaluation/health');
      const firstReason = (journey: PortfolioJourney) => {
        const reason = journey.health.reasons[0];
        return reason === undefined ? '' : healthReasonText(reason, options.lang);
      };
      console.log(portfolioTable(portfolio, options.lang, firstReason));
    });

  program
    .command('opportunities')
    .description('the opportunity portfolio of a workspace: every improvement action and the open findings no action covers (GET /api/portfolio/opportunities)')
    .option('--workspace <id>', 'the workspace (default: the first)')
    .option('--json', 'print the API’s JSON (OpportunitiesResponse)')
    .option('--csv', 'print the CSV the web app downloads (UTF-8 with BOM)')
    .addOption(new Option('--lang <language>', 'the language of the table or the CSV').choices(['nl', 'en']).default('nl'))
    .action(async (options: { workspace?: string; json?: boolean; csv?: boolean; lang: Locale }) => {
      const { storeOpportunities, opportunitiesCsv } = await import('@klantreis/server/portfolio');
      const answer = await onStore((store, analyticsDir) => storeOpportunities(store, analyticsDir, options.workspace));
      if (options.json) console.log(JSON.stringify(answer, null, 2));
      else if (options.csv) process.stdout.write(opportunitiesCsv(answer.opportunities, options.lang));
      else console.log(opportunitiesTable(answer, options.lang));
    });
}
