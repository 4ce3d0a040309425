// A spreadsheet's bytes as text. Excel on Windows saves "CSV" in Windows-1252, not UTF-8:
// read as UTF-8, "Müller" becomes "M�ller". Valid UTF-8 (with or without a byte-order mark)
// is read as UTF-8; anything else as Windows-1252, with a note, since every byte means a
// character there and the note lets the user check the names. Runs in Node and the browser.

export interface DecodedSpreadsheet {
  text: string;
  /** Set when the bytes were not UTF-8 and were read as Windows-1252. */
  note: string | null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const windows1252 = new TextDecoder('windows-1252');

export function decodeSpreadsheet(bytes: Uint8Array, file: string): DecodedSpreadsheet {
  try {
    // The decoder drops a leading byte-order mark.
    return { text: utf8.decode(bytes), note: null };
  } catch {
    return {
      text: windows1252.decode(bytes),
      note:
        `${file} is not UTF-8: it was read as Windows-1252 (what Excel on Windows saves as "CSV"); ` +
        'check that names with accents read right, and save it as "CSV UTF-8" to be sure',
    };
  }
}
