// exportGraph and importData: files in and out through the API. Imports need the editor
// role and are audited like any other write (see importDataset).
import { checkSources } from '../curation/validation.ts';
import { requireEditor } from '../auth/viewer.ts';
import type { ApiContext } from '../context.ts';
import { badInput } from '../errors.ts';
import { claimFilter, type ClaimFilterArgs } from '../filters/claimFilter.ts';
import type { SourceRecord } from './dataset.ts';
import { API_EXPORT_BOUNDS, exportSelection, selectSubgraph, type SelectionArgs } from './exportGraph.ts';
import { exportDataset, type ExportFormatName, type ImportFormatName } from './formats/index.ts';
import { checkLayoutMatches, defaultNodeSize, readLayout, type PlacementInput } from './layout.ts';
import { importFile } from './importFile.ts';

/** Characters one importData request may carry, all contents together; larger files go through `npm run import`. */
export const API_IMPORT_MAX_CHARS = 20_000_000;

interface ExportArgs extends SelectionArgs, ClaimFilterArgs {
  format: ExportFormatName;
  layout?: PlacementInput[] | null;
}

interface ImportArgs {
  format: ImportFormatName;
  fileName: string;
  content: string;
  relationshipsContent?: string | null;
  sourcesContent?: string | null;
  dryRun?: boolean | null;
  defaultSource?: SourceRecord | null;
}

/** The size and file name bounds of one import request; `mutation` and `cli` name the way out in the message. */
export function checkImportSize(
  args: Pick<ImportArgs, 'content' | 'fileName' | 'relationshipsContent' | 'sourcesContent'>,
  mutation = 'importData',
  cli = '`npm run import -- FILE`',
): void {
  const parts: [string, string | null | undefined][] = [
    ['content', args.content],
    ['relationshipsContent', args.relationshipsContent],
    ['sourcesContent', args.sourcesContent],
  ];
  const total = parts.reduce((sum, [, text]) => sum + (text?.length ?? 0), 0);
  if (total > API_IMPORT_MAX_CHARS) {
    const largest = parts.reduce((a, b) => ((b[1]?.length ?? 0) > (a[1]?.length ?? 0) ? b : a));
    const f = (n: number) => n.toLocaleString('en-US');
    throw badInput(
      `The import is ${f(total)} characters; ${mutation} takes at most ${f(API_IMPORT_MAX_CHARS)}. ` +
        `Split the file, or import it with ${cli}, which takes larger files. Nothing was written.`,
      largest[0],
    );
  }
  if (args.fileName.trim() === '' || args.fileName.length > 200) {
    throw badInput('fileName must be a name of 1 to 200 characters, as problems refer to it.', 'fileName');
  }
}

export const exchangeResolvers = {
  Query: {
    async exportGraph(_: unknown, args: ExportArgs, ctx: ApiContext) {
      const selection = exportSelection(args);
      // The entity a neighbourhood is opened on is drawn larger, as in the explorer.
      const centers = selection.kind === 'neighborhood' ? [selection.id] : [];
      const layout = args.layout == null ? undefined : readLayout(args.layout, API_EXPORT_BOUNDS.entities, defaultNodeSize(new Set(centers)));
      const dataset = await selectSubgraph(ctx.db, selection, claimFilter(args), API_EXPORT_BOUNDS);
      if (layout) checkLayoutMatches(layout, dataset);
      return {
        files: exportDataset(dataset, args.format, { layout, centers }),
        entities: dataset.entities.length,
        claims: dataset.claims.length,
        sources: dataset.sources.length,
      };
    },
  },
  Mutation: {
    async importData(_: unknown, args: ImportArgs, ctx: ApiContext) {
      const by = requireEditor(ctx);
      checkImportSize(args);
      return importFile(
        ctx.db,
        args.format,
        {
          fileName: args.fileName,
          content: args.content,
          ...(args.relationshipsContent != null ? { relationshipsContent: args.relationshipsContent } : {}),
          ...(args.sourcesContent != null ? { sourcesContent: args.sourcesContent } : {}),
          // Checked even when no claim needs it: a bad argument is an error, not a silent no-op.
          ...(args.defaultSource != null ? { defaultSource: checkSources([stripNulls(args.defaultSource) as unknown as Record<string, unknown>])[0]! } : {}),
        },
        { by, dryRun: args.dryRun ?? false },
      );
    },
  },
};

/** GraphQL gives absent optional input fields as null; the model wants them left out. */
function stripNulls(source: SourceRecord): SourceRecord {
  return Object.fromEntries(Object.entries(source).filter(([, v]) => v !== null && v !== undefined)) as unknown as SourceRecord;
}
