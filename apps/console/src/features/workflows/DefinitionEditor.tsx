import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, defaultHighlightStyle, foldGutter, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { EditorSelection, EditorState, StateEffect } from '@codemirror/state';
import { EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';
import { jsonSchema } from 'codemirror-json-schema';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import schema from '../../../../../docs/definition.schema.json';
import type { DefinitionProblem } from '../../api/types';
import { rangeOfPath } from './json-path-range';
import './editor.css';

/** What the page can ask of the editor. */
export interface DefinitionEditorHandle {
  /** Moves the cursor to the value at a JSON path of the definition and focuses the editor. */
  reveal(path: Array<string | number>): void;
}

const problemMessage = (p: DefinitionProblem) => `${p.code}: ${p.message}`;

/** Tells the API-problems linter to run again (its input changed outside the document). */
const problemsChanged = StateEffect.define<null>();

/**
 * The definition as JSON in CodeMirror 6: completion, hover docs and checks from docs/definition.schema.json,
 * plus the API's validation problems (422) underlined at the path each names.
 */
const DefinitionEditor = forwardRef<
  DefinitionEditorHandle,
  { value: string; onChange: (text: string) => void; problems: DefinitionProblem[]; label: string }
>(function DefinitionEditor({ value, onChange, problems, label }, ref) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | undefined>(undefined);
  const problemsRef = useRef(problems);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    const serverProblems = linter(
      (v): Diagnostic[] =>
        problemsRef.current.map((problem) => {
          const range = rangeOfPath(v.state, problem.path) ?? { from: 0, to: Math.min(1, v.state.doc.length) };
          return { from: range.from, to: range.to, severity: 'error', source: 'API', message: problemMessage(problem) };
        }),
      { delay: 0, needsRefresh: (update) => update.transactions.some((tr) => tr.effects.some((e) => e.is(problemsChanged))) },
    );
    view.current = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          foldGutter(),
          history(),
          indentOnInput(),
          bracketMatching(),
          closeBrackets(),
          autocompletion(),
          highlightActiveLine(),
          EditorView.lineWrapping,
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap, indentWithTab]),
          jsonSchema(schema as unknown as Parameters<typeof jsonSchema>[0]),
          serverProblems,
          lintGutter(),
          EditorView.contentAttributes.of({ 'aria-label': label }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) onChangeRef.current(update.state.doc.toString());
          }),
        ],
      }),
    });
    return () => view.current?.destroy();
    // The editor is created once; later `value`s from outside are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== value) v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
  }, [value]);

  useEffect(() => {
    problemsRef.current = problems;
    view.current?.dispatch({ effects: problemsChanged.of(null) });
  }, [problems]);

  useImperativeHandle(ref, () => ({
    reveal(path) {
      const v = view.current;
      if (!v) return;
      const range = rangeOfPath(v.state, path);
      if (!range) return;
      v.dispatch({
        selection: EditorSelection.range(range.from, range.to),
        effects: EditorView.scrollIntoView(range.from, { y: 'center' }),
      });
      v.focus();
    },
  }));

  return <div ref={host} className="definition-editor" />;
});

export default DefinitionEditor;
