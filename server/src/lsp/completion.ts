/** Turns the pure completion entries into LSP CompletionItems for the document chunk under the cursor. */
import { CompletionItemKind, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { completeAt } from '../completion/complete';
import { customResourceSchema, type CrdLookup } from '../completion/custom-resources';
import type { SchemaValidator } from '../schema/types';
import type { PlacedDocument } from '../yaml/parse';

export function completionItems(document: TextDocument, documents: readonly PlacedDocument[], position: Position, schemas: SchemaValidator | undefined, index?: CrdLookup): CompletionItem[] {
  const offset = document.offsetAt(position);
  const placed = [...documents].reverse().find((d) => d.offset <= offset);
  if (!placed) return [];
  return completeAt({ text: placed.parsed.text, doc: placed.parsed.doc, offset: offset - placed.offset, schemas, customSchema: (apiVersion, kind) => customResourceSchema(index, apiVersion, kind) }).map((entry) => ({
    label: entry.label,
    kind: entry.kind === 'field' ? CompletionItemKind.Property : CompletionItemKind.EnumMember,
    detail: entry.detail,
    documentation: { kind: MarkupKind.Markdown, value: entry.documentation },
    insertText: entry.insertText,
    sortText: entry.sortText,
  }));
}
