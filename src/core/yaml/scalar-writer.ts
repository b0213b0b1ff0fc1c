/**
 * Scalar output as PyYAML's Emitter writes it under `safe_dump` defaults
 * (width 80, indent 2, no unicode, `\n` breaks). Guild's attrs and flag
 * displays are byte-for-byte PyYAML output, including its style choice
 * (plain / 'single' / "double") and its folding of long scalars at spaces.
 */

export const BEST_WIDTH = 80;
export const BEST_INDENT = 2;

/** Column and whitespace state shared by the structure and scalar writers. */
export interface EmitState {
  out: string[];
  column: number;
  whitespace: boolean;
  indention: boolean;
  indent: number | null;
  indents: (number | null)[];
  openEnded: boolean;
}

export function newEmitState(): EmitState {
  return { out: [], column: 0, whitespace: true, indention: true, indent: null, indents: [], openEnded: false };
}

export function writeIndicator(s: EmitState, indicator: string, needWhitespace: boolean, whitespace = false, indention = false): void {
  const data = s.whitespace || !needWhitespace ? indicator : " " + indicator;
  s.whitespace = whitespace;
  s.indention = s.indention && indention;
  s.column += data.length;
  s.openEnded = false;
  s.out.push(data);
}

export function writeIndent(s: EmitState): void {
  const indent = s.indent ?? 0;
  if (!s.indention || s.column > indent || (s.column === indent && !s.whitespace)) writeLineBreak(s);
  if (s.column < indent) {
    s.whitespace = true;
    s.out.push(" ".repeat(indent - s.column));
    s.column = indent;
  }
}

export function writeLineBreak(s: EmitState): void {
  s.whitespace = true;
  s.indention = true;
  s.column = 0;
  s.out.push("\n");
}

function writeText(s: EmitState, data: string): void {
  s.column += data.length;
  s.out.push(data);
}

export interface ScalarAnalysis {
  empty: boolean;
  multiline: boolean;
  allowPlain: boolean;
  allowSingleQuoted: boolean;
}

const BREAKS = "\n\x85\u2028\u2029";
const SPACE_OR_BREAK = "\0 \t\r\n\x85\u2028\u2029";

/** Which styles PyYAML allows for `chars` (block context, allow_unicode off). */
export function analyzeScalar(chars: string[]): ScalarAnalysis {
  if (chars.length === 0) return { empty: true, multiline: false, allowPlain: true, allowSingleQuoted: true };
  const text = chars.join("");
  let indicators = text.startsWith("---") || text.startsWith("...");
  let lineBreaks = false;
  let special = false;
  let leadingOrTrailing = false;
  let breakSpace = false;
  let spaceBreak = false;
  let prevSpace = false;
  let prevBreak = false;
  const last = chars.length - 1;
  chars.forEach((ch, i) => {
    const followedByWs = i + 1 > last || SPACE_OR_BREAK.includes(chars[i + 1] ?? "");
    const precededByWs = i === 0 || SPACE_OR_BREAK.includes(chars[i - 1] ?? "");
    if (i === 0) {
      if ("#,[]{}&*!|>'\"%@`".includes(ch)) indicators = true;
      if ("?:-".includes(ch) && followedByWs) indicators = true;
    } else if ((ch === ":" && followedByWs) || (ch === "#" && precededByWs)) {
      indicators = true;
    }
    const isBreak = BREAKS.includes(ch);
    if (isBreak) lineBreaks = true;
    if (ch !== "\n" && !(ch >= " " && ch <= "~")) special = true;
    if (ch === " ") {
      if (i === 0 || i === last) leadingOrTrailing = true;
      if (prevBreak) breakSpace = true;
    } else if (isBreak) {
      if (i === 0 || i === last) leadingOrTrailing = true;
      if (prevSpace) spaceBreak = true;
    }
    prevSpace = ch === " ";
    prevBreak = isBreak;
  });
  const allowPlain = !(leadingOrTrailing || breakSpace || spaceBreak || special || lineBreaks || indicators);
  const allowSingleQuoted = !(breakSpace || spaceBreak || special);
  return { empty: false, multiline: lineBreaks, allowPlain, allowSingleQuoted };
}

export function writePlain(s: EmitState, chars: string[], split: boolean): void {
  if (chars.length === 0) return;
  if (!s.whitespace) writeText(s, " ");
  s.whitespace = false;
  s.indention = false;
  let spaces = false;
  let start = 0;
  for (let end = 0; end <= chars.length; end++) {
    const ch = chars[end];
    if (spaces) {
      if (ch !== " ") {
        if (start + 1 === end && s.column > BEST_WIDTH && split) {
          writeIndent(s);
          s.whitespace = false;
          s.indention = false;
        } else {
          writeText(s, chars.slice(start, end).join(""));
        }
        start = end;
      }
    } else if (ch === undefined || ch === " ") {
      // Plain scalars never hold breaks (analysis forbids them), only spaces.
      writeText(s, chars.slice(start, end).join(""));
      start = end;
    }
    spaces = ch === " ";
  }
}

/** writePlain of a word without spaces: written whole. */
export function writePlainWord(s: EmitState, word: string): void {
  if (!s.whitespace) writeText(s, " ");
  s.whitespace = false;
  s.indention = false;
  writeText(s, word);
}

/** writeSingleQuoted of a word without spaces, quotes or breaks. */
export function writeQuotedWord(s: EmitState, word: string): void {
  writeIndicator(s, "'", true);
  writeText(s, word);
  writeIndicator(s, "'", false);
}

export function writeSingleQuoted(s: EmitState, chars: string[], split: boolean): void {
  writeIndicator(s, "'", true);
  let spaces = false;
  let breaks = false;
  let start = 0;
  for (let end = 0; end <= chars.length; end++) {
    const ch = chars[end];
    if (spaces) {
      if (ch !== " ") {
        if (start + 1 === end && s.column > BEST_WIDTH && split && start !== 0 && end !== chars.length) {
          writeIndent(s);
        } else {
          writeText(s, chars.slice(start, end).join(""));
        }
        start = end;
      }
    } else if (breaks) {
      if (ch === undefined || !BREAKS.includes(ch)) {
        // A lone break folds to a space when read back, so an extra one is written.
        if (chars[start] === "\n") writeLineBreak(s);
        for (const br of chars.slice(start, end)) writeBreakChar(s, br);
        writeIndent(s);
        start = end;
      }
    } else if (ch === undefined || ch === " " || ch === "'" || BREAKS.includes(ch)) {
      if (start < end) {
        writeText(s, chars.slice(start, end).join(""));
        start = end;
      }
    }
    if (ch === "'") {
      writeText(s, "''");
      start = end + 1;
    }
    if (ch !== undefined) {
      spaces = ch === " ";
      breaks = BREAKS.includes(ch);
    }
  }
  writeIndicator(s, "'", false);
}

function writeBreakChar(s: EmitState, br: string): void {
  writeLineBreak(s);
  // PyYAML writes the original break character for the exotic ones.
  if (br !== "\n") s.out[s.out.length - 1] = br;
}

const ESCAPES: Record<string, string> = {
  "\0": "0", "\x07": "a", "\b": "b", "\t": "t", "\n": "n", "\v": "v", "\f": "f", "\r": "r",
  "\x1b": "e", '"': '"', "\\": "\\", "\x85": "N", "\xa0": "_", "\u2028": "L", "\u2029": "P",
};

function escapeChar(ch: string): string {
  const named = ESCAPES[ch];
  if (named !== undefined) return "\\" + named;
  const code = ch.codePointAt(0) ?? 0;
  const hex = code.toString(16).toUpperCase();
  if (code <= 0xff) return "\\x" + hex.padStart(2, "0");
  if (code <= 0xffff) return "\\u" + hex.padStart(4, "0");
  return "\\U" + hex.padStart(8, "0");
}

export function writeDoubleQuoted(s: EmitState, chars: string[], split: boolean): void {
  writeIndicator(s, '"', true);
  let start = 0;
  for (let end = 0; end <= chars.length; end++) {
    const ch = chars[end];
    if (ch === undefined || '"\\'.includes(ch) || !(ch >= " " && ch <= "~")) {
      if (start < end) {
        writeText(s, chars.slice(start, end).join(""));
        start = end;
      }
      if (ch !== undefined) {
        writeText(s, escapeChar(ch));
        start = end + 1;
      }
    }
    if (end > 0 && end < chars.length - 1 && (ch === " " || start >= end) && s.column + (end - start) > BEST_WIDTH && split) {
      // Fold with an escaped break; a following space is escaped to survive.
      writeText(s, chars.slice(start, end).join("") + "\\");
      if (start < end) start = end;
      writeIndent(s);
      s.whitespace = false;
      s.indention = false;
      if (chars[start] === " ") writeText(s, "\\");
    }
  }
  writeIndicator(s, '"', false);
}
