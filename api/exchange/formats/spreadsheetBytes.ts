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

// Bytes 0x80-0x9F in Windows-1252 (WHATWG Encoding Standard; 0x81, 0x8D, 0x8F, 0x90, 0x9D stay
// as they are). Node 20.18.3 and later decode them as Latin-1 control characters
// (nodejs/node#60888), so "€" and Excel's curly quotes would come out as U+0080, U+0093...
const C1_AS_WINDOWS_1252 = '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';
const windows1252Text = (bytes: Uint8Array) =>
  windows1252.decode(bytes).replace(/[\u0080-\u009F]/g, (c) => C1_AS_WINDOWS_1252[c.charCodeAt(0) - 0x80]!);

export function decodeSpreadsheet(bytes: Uint8Array, file: string): DecodedSpreadsheet {
  try {
    // The decoder drops a leading byte-order mark.
    return { text: utf8.decode(bytes), note: null };
  } catch {
    return {
      text: windows1252Text(bytes),
      note:
        `${file} is not UTF-8: it was read as Windows-1252 (what Excel on Windows saves as "CSV"); ` +
        'check that names with accents read right, and save it as "CSV UTF-8" to be sure',
    };
  }
}
