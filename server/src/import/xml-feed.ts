import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { ReadBudget } from './read-limits';

/**
 * Feeds an XML part into a SAX parser piece by piece, and gives the caller a turn after each
 * piece (to hand on the rows that are complete). saxes holds a text, an attribute or a comment in
 * full until it ends, so the characters fed since the parser last reported anything are counted:
 * more than a cell could take at its longest (every character written as a ten-character
 * reference like &#x10FFFF;) means a cell, or something posing as one, is over the cell limit.
 */

export interface XmlHandlers {
  open(name: string, attributes: Readonly<Record<string, string>>): void;
  close(name: string): void;
  text(text: string): void;
}

/** Characters written to the parser at once. */
const PIECE = 64 * 1024;

/** The element's name without a namespace prefix: some writers spell every tag `x:row`. */
export const localName = (name: string) => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

export function* feedXml(chunks: Iterable<Uint8Array>, handlers: XmlHandlers, budget: ReadBudget): Generator<void> {
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  let events = 0;
  parser.on('opentag', (tag: SaxesTagPlain) => {
    events++;
    handlers.open(localName(tag.name), tag.attributes);
  });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    events++;
    handlers.close(localName(tag.name));
  });
  parser.on('text', (text: string) => {
    events++;
    handlers.text(text);
  });
  parser.on('cdata', (text: string) => {
    events++;
    handlers.text(text);
  });
  const maxQuiet = budget.limits.maxCellChars * 10 + PIECE;
  const decoder = new TextDecoder('utf-8');
  let quiet = 0;
  const write = (text: string) => {
    const before = events;
    parser.write(text);
    quiet = events === before ? quiet + text.length : 0;
    if (quiet > maxQuiet) budget.cell(quiet, null);
  };
  for (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    for (let at = 0; at < text.length; at += PIECE) {
      write(text.slice(at, at + PIECE));
      yield;
    }
    budget.clock();
  }
  write(decoder.decode());
  parser.close();
  yield;
}
