import type { afterLoadDocumentPayload, Extension } from '@hocuspocus/server';
import { upgradeDocSchema } from '@klantreis/sync';

/** A document stored by an older Klantreis is migrated as it loads; the change is stored like any edit. */
export class SchemaUpgradeExtension implements Extension {
  async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload): Promise<void> {
    const applied = upgradeDocSchema(document);
    if (applied.length > 0) console.info(`journey ${documentName}: applied migrations ${applied.join(', ')}`);
  }
}
