// A Python editor with line numbers, highlighting, auto-indent and Tab, plus a gutter of
// per-line memory marks and a highlighted error line, both set from Rust.
import { EditorState, StateEffect, StateField, RangeSet } from '@codemirror/state';
import {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection,
  gutter, GutterMarker, Decoration,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { indentOnInput, bracketMatching, syntaxHighlighting } from '@codemirror/language';
import { closeBrackets, closeBracketsKeymap } from '@codemirror/autocomplete';
import { python } from '@codemirror/lang-python';
import { classHighlighter } from '@lezer/highlight';
import { guarded } from './guarded.js';

const setMarks = StateEffect.define();

// { marks, peakMarks: Map<line, {text, kind, detail}>, errorLine: number | null }, as the page
// sets them: it takes them away once the code is edited (memplay_playground::PaneView).
const marksField = StateField.define({
  create: () => ({ marks: new Map(), peakMarks: new Map(), errorLine: null }),
  update(value, tr) {
    for (const e of tr.effects) if (e.is(setMarks)) return e.value;
    return value;
  },
  provide: (field) => EditorView.decorations.from(field, (value) => (view) => {
    const n = value.errorLine;
    const doc = view.state.doc;
    if (!n || n < 1 || n > doc.lines) return Decoration.none;
    const line = doc.line(n);
    return RangeSet.of([Decoration.line({ class: 'cm-error-line', attributes: { 'data-error-line': String(n) } }).range(line.from)]);
  }),
});

class MemoryMarker extends GutterMarker {
  constructor(mark) {
    super();
    this.mark = mark;
  }
  eq(other) {
    return other.mark.text === this.mark.text && other.mark.kind === this.mark.kind;
  }
  toDOM() {
    const span = document.createElement('span');
    span.className = `mem-mark mem-${this.mark.kind}`;
    // The whole mark, and a short one ("+3.8M") that a narrow editor shows instead.
    for (const [cls, text] of [['mark-long', this.mark.text], ['mark-short', shortMark(this.mark.text)]]) {
      const part = document.createElement('span');
      part.className = cls;
      part.textContent = text;
      span.append(part);
    }
    if (this.mark.detail) span.title = this.mark.detail;
    if (this.mark.line) span.dataset.line = String(this.mark.line);
    return span;
  }
}

// "+3.8 MiB" → "+3.8M", "−512 B" → "−512B".
const shortMark = (text) => text.replace(/ ([KMG])iB$/, '$1').replace(/ B$/, 'B');

// Two columns: what each line changed while it ran, and (after a run) what it made that
// was still alive at the peak.
const markGutter = (className, key) => gutter({
  class: className,
  lineMarker(view, block) {
    const mark = view.state.field(marksField)[key].get(view.state.doc.lineAt(block.from).number);
    return mark ? new MemoryMarker(mark) : null;
  },
  lineMarkerChange: (update) => update.transactions.some((tr) => tr.effects.some((e) => e.is(setMarks)) || tr.docChanged),
});
// Without a spacer, a column takes no room until a run has marked a line.
const memoryGutter = markGutter('cm-memory-gutter', 'marks');
const peakGutter = markGutter('cm-memory-gutter cm-peak-gutter', 'peakMarks');

export function createEditor(parent, { doc, label, onChange }) {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        lineNumbers(),
        memoryGutter,
        peakGutter,
        highlightActiveLineGutter(),
        highlightActiveLine(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        syntaxHighlighting(classHighlighter),
        python(),
        EditorState.tabSize.of(4),
        // A long line wraps rather than scroll sideways (a phone, a blog's column).
        EditorView.lineWrapping,
        keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, indentWithTab]),
        marksField,
        EditorView.contentAttributes.of({ 'aria-label': label, 'aria-multiline': 'true' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  return guarded({
    setDoc(text) {
      if (text === view.state.doc.toString()) return;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    setMarks(marks, errorLine) {
      const [map, peakMap] = [new Map(), new Map()];
      for (const m of marks || []) (m.kind === 'at_peak' ? peakMap : map).set(m.line, m);
      view.dispatch({ effects: setMarks.of({ marks: map, peakMarks: peakMap, errorLine: errorLine || null }) });
    },
    destroy: () => view.destroy(),
  });
}
