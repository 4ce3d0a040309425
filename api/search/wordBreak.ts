// The Unicode character classes Lucene's StandardTokenizer cuts words with (UAX #29 Word_Break
// values, as Lucene's grammar takes them from Unicode 9), written as regular-expression sets
// (the 'v' flag) over the properties JavaScript knows. Where JavaScript has no such property
// the Unicode 9 list is spelled out. tests/integration/search-analyzer.test.ts checks the result
// against the index's analyzer itself.

// Marks and invisible format characters ride on the character before them (UAX #29 WB4).
// Skin-tone modifiers too: Lucene keeps "a🏽b" as one word.
const FORMAT_OR_EXTEND = String.raw`[[\p{Grapheme_Extend}\p{Mc}\p{Emoji_Modifier}\p{Cf}]--[\u200B]]`;
const FORMAT_OR_EXTEND_BUT_PRESENTATION = String.raw`[${FORMAT_OR_EXTEND}--[\uFE0E\uFE0F]]`;
const EXT = `${FORMAT_OR_EXTEND}*`;

// Letters that never join their neighbours in Lucene: each is a word (Han, Hiragana), or a run
// of them is (Southeast Asian scripts, written without spaces: Line_Break=Complex_Context).
const HAN = String.raw`\p{Script=Han}`;
const HIRAGANA = String.raw`\p{Script=Hiragana}`;
const SOUTHEAST_ASIAN = String.raw`[[\p{Script=Thai}\p{Script=Lao}\p{Script=Myanmar}\p{Script=Khmer}\p{Script=Tai_Le}\p{Script=New_Tai_Lue}\p{Script=Tai_Tham}\p{Script=Tai_Viet}\p{Script=Ahom}]&&[\p{L}\p{M}\u109E\u109F]]`;
const KATAKANA = String.raw`[\u3031-\u3035\u309B\u309C\u30A0-\u30FA\u30FC-\u30FF\u31F0-\u31FF\u32D0-\u32FE\u3300-\u3357\uFF66-\uFF9D\u{1B000}]`;
const HEBREW_LETTER = String.raw`[\p{Script=Hebrew}&&\p{Lo}]`;
const ALETTER = String.raw`[[\p{Alphabetic}\u02C2-\u02C5\u02D2-\u02D7\u02DE\u02DF\u02E5-\u02EB\u02ED\u02EF-\u02FF\u055A-\u055C\u055E\u058A\u05F3\uA708-\uA716\uA720\uA721\uA789\uA78A\uAB5B]--\p{Ideographic}--${KATAKANA}--${SOUTHEAST_ASIAN}--${HIRAGANA}--${FORMAT_OR_EXTEND}--${HEBREW_LETTER}]`;
const NUMERIC = String.raw`[\p{Nd}\u066B]`;
// What may stand between two letters ("S.A", "O'Neil", "name:x") or two digits ("1,200", "3.5").
const MID_LETTER = String.raw`[\u003A\u00B7\u0387\u05F4\u2027\uFE13\uFE55\uFF1A]`;
const MID_NUM_LET = String.raw`[\u002E\u2018\u2019\u2024\uFE52\uFF07\uFF0E]`;
const MID_NUM = String.raw`[\u002C\u003B\u037E\u0589\u060C\u060D\u066C\u07F8\u2044\uFE10\uFE14\uFE50\uFE54\uFF0C\uFF1B]`;
const SINGLE_QUOTE = `'`;
const DOUBLE_QUOTE = `"`;
// Underscore and its kin join anything ("__init__").
const EXTEND_NUM_LET = String.raw`\p{Pc}`;

const ex = (set: string) => `(?:${set}${EXT})`;
const AH_LETTER_EX = ex(`[${ALETTER}${HEBREW_LETTER}]`);
const HEBREW_LETTER_EX = ex(HEBREW_LETTER);
const NUMERIC_EX = ex(NUMERIC);
const KATAKANA_EX = ex(KATAKANA);
const MID_LETTER_EX = ex(`[${MID_LETTER}${MID_NUM_LET}${SINGLE_QUOTE}]`);
const MID_NUMERIC_EX = ex(`[${MID_NUM}${MID_NUM_LET}${SINGLE_QUOTE}]`);
const EXTEND_NUM_LET_EX = ex(EXTEND_NUM_LET);
const HANGUL_EX = ex(String.raw`[\p{Script=Hangul}&&${ALETTER}]`);

// A number: digits joined by "," "." and the like (Lucene's <NUM>).
const NUMBER = `${EXTEND_NUM_LET_EX}*${NUMERIC_EX}(?:(?:${EXTEND_NUM_LET_EX}*|${MID_NUMERIC_EX})${NUMERIC_EX})*${EXTEND_NUM_LET_EX}*`;
// A word of letters and digits (Lucene's <ALPHANUM>, with its <HANGUL> and <KATAKANA> runs).
// Written so that JavaScript's first match is Lucene's longest. The Hebrew rules (a quote after
// a letter: "צה\"ל", "ש'") sit inside the letter loop, looking back at the letter before them;
// Lucene allows them only after a letter that was not itself reached over a quote or a ".".
const MID_LETTER_ANY = `[${MID_LETTER}${MID_NUM_LET}${SINGLE_QUOTE}]`;
const FRESH_HEBREW =
  `(?<=${HEBREW_LETTER}${EXT})` +
  `(?<!${AH_LETTER_EX}${MID_LETTER_ANY}${EXT}${HEBREW_LETTER}${EXT})` +
  `(?<!${HEBREW_LETTER}${EXT}${DOUBLE_QUOTE}${EXT}${HEBREW_LETTER}${EXT})`;
const NOT_AFTER_GERSHAYIM = `(?<!${HEBREW_LETTER}${EXT}${DOUBLE_QUOTE}${EXT}${HEBREW_LETTER}${EXT})`;
const LETTERS =
  `${AH_LETTER_EX}(?:${EXTEND_NUM_LET_EX}*${AH_LETTER_EX}|${NOT_AFTER_GERSHAYIM}${MID_LETTER_EX}${AH_LETTER_EX}|${FRESH_HEBREW}${DOUBLE_QUOTE}${EXT}${HEBREW_LETTER_EX})*` +
  `(?:${FRESH_HEBREW}${SINGLE_QUOTE}${EXT})?`;
const DIGITS = `${NUMERIC_EX}(?:(?:${EXTEND_NUM_LET_EX}*|${MID_NUMERIC_EX})${NUMERIC_EX})*`;
const WORD_PART = `(?:${KATAKANA_EX}(?:${EXTEND_NUM_LET_EX}*${KATAKANA_EX})*|(?:${DIGITS}|${LETTERS})+)`;
const WORD = `${EXTEND_NUM_LET_EX}*${WORD_PART}(?:${EXTEND_NUM_LET_EX}+${WORD_PART})*${EXTEND_NUM_LET_EX}*`;

// Emoji and symbols such as ™ and © (Lucene's <EMOJI>): words in the index, but not words a
// search needs (see indexWords.ts). Matched only so that they cut words the way Lucene does.
const EXT_NO_PRESENTATION = `${FORMAT_OR_EXTEND_BUT_PRESENTATION}*`;
const ZWJ = String.raw`\u200D`;
const REGIONAL_INDICATOR = String.raw`\p{Regional_Indicator}`;
const KEYCAP_BASE = '[0-9#*]';
const EMOJI_CHAR = String.raw`[\p{Extended_Pictographic}[\p{Emoji}--[${REGIONAL_INDICATOR}${KEYCAP_BASE}©®™\u3030\u303D\p{Emoji_Modifier}]]]`;
const EMOJI_ELEMENT =
  String.raw`(?:${ZWJ}*${EMOJI_CHAR}${EXT_NO_PRESENTATION}\uFE0F?` +
  String.raw`|(?:${ZWJ}*\p{Emoji_Modifier_Base}${EXT_NO_PRESENTATION})?\p{Emoji_Modifier}${EXT_NO_PRESENTATION})`;
const EMOJI =
  String.raw`${EMOJI_ELEMENT}(?:(?:(?:(?<=${ZWJ})|${ZWJ})${EMOJI_ELEMENT})*|[\u{E0020}-\u{E007E}]+\u{E007F})` +
  String.raw`|${KEYCAP_BASE}${EXT_NO_PRESENTATION}\uFE0F?\u20E3${EXT_NO_PRESENTATION}` +
  `|${ex(REGIONAL_INDICATOR)}{2}`;

export type WordKind = 'emoji' | 'number' | 'hangul' | 'katakana' | 'word' | 'southeast-asian' | 'ideograph' | 'hiragana';

/** Lucene's rules in its order: at each place the longest match wins, the first rule on a tie. */
export const WORD_RULES: readonly { kind: WordKind; pattern: RegExp }[] = (
  [
    ['emoji', EMOJI],
    ['number', NUMBER],
    ['hangul', `${HANGUL_EX}+`],
    ['katakana', `${KATAKANA_EX}+`],
    ['word', WORD],
    ['southeast-asian', `${ex(SOUTHEAST_ASIAN)}+`],
    ['ideograph', ex(HAN)],
    ['hiragana', ex(HIRAGANA)],
  ] as const
).map(([kind, source]) => ({ kind, pattern: new RegExp(source, 'vy') }));
