import { useId, useMemo, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/http';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { IconCheck, IconSpinner } from '../../ui/icons';
import { JsonViewer } from '../../ui/JsonViewer';
import { AnswerFieldInput } from './AnswerFieldInput';
import { answerFieldsOf, answerFromValues, answerProblemsOf, initialValues, problemsByField, type AnswerValues } from './answer-form-model';
import { ClosedWaitNotice } from './ClosedWaitNotice';
import { useAnswerWait } from './use-waits';

/**
 * The answer to a waiting human node: inputs generated from its `form` (JSON Schema), or raw JSON for forms the
 * generator does not cover (and on request). The API checks the answer; its 422 problems appear next to their fields.
 */
export function AnswerForm({ executionId, nodeId, form }: { executionId: string; nodeId: string; form: unknown }) {
  const id = useId();
  const fields = useMemo(() => answerFieldsOf(form), [form]);
  const [values, setValues] = useState<AnswerValues>(() => (fields ? initialValues(fields) : {}));
  const [raw, setRaw] = useState<string | null>(fields ? null : '');
  const [jsonError, setJsonError] = useState<string | null>(null);
  const answer = useAnswerWait(executionId, nodeId);

  const problems = answer.error instanceof ApiError && answer.error.status === 422 ? answerProblemsOf(answer.error.details) : [];
  const { byField, other } = problemsByField(problems, raw === null ? fields : null);
  const refusal = answer.error instanceof ApiError && answer.error.status === 409 ? answer.error : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setJsonError(null);
    if (raw === null) return answer.mutate(answerFromValues(fields!, values));
    if (raw.trim() === '') return setJsonError('Write the answer as JSON, e.g. true, "yes" or {"approved": true}.');
    try {
      answer.mutate(JSON.parse(raw) as unknown);
    } catch (error) {
      setJsonError(`Not valid JSON: ${(error as Error).message}`);
    }
  };
  const toggleRaw = () => {
    setJsonError(null);
    if (raw === null) setRaw(JSON.stringify(answerFromValues(fields!, values), null, 2));
    else setRaw(null);
  };

  if (answer.isSuccess) {
    return (
      <p className="notice answer-sent" role="status">
        <IconCheck /> Answer recorded as {answer.data.answered_by}; the run continues.
      </p>
    );
  }
  return (
    <form className="answer-form" noValidate onSubmit={submit} aria-label={`Answer to ${nodeId}`}>
      {problems.length > 0 && (
        <div className="notice notice-error" role="alert">
          <strong>The answer does not match the form: </strong>
          {other.length ? other.map((p) => `${p.path} ${p.message}`).join('; ') : 'see the fields marked below.'}
        </div>
      )}
      {refusal && <ClosedWaitNotice error={refusal} />}
      {answer.isError && !problems.length && !refusal && <ErrorNotice error={answer.error} title="Could not send the answer" />}
      {raw === null ? (
        <>
          {fields!.some((f) => f.required) && <p className="muted small">Fields marked * are required.</p>}
          {fields!.map((field) => (
            <AnswerFieldInput
              key={field.name}
              field={field}
              id={`${id}-${field.name}`}
              value={values[field.name]}
              problems={byField[field.name] ?? []}
              onChange={(value) => setValues((old) => ({ ...old, [field.name]: value }))}
            />
          ))}
        </>
      ) : (
        <div className="field">
          <label htmlFor={`${id}-json`}>Answer (JSON)</label>
          <textarea
            id={`${id}-json`}
            className="input mono answer-json"
            rows={6}
            spellCheck={false}
            value={raw}
            onChange={(e) => setRaw(e.target.value)}
            aria-invalid={jsonError || problems.length ? true : undefined}
            aria-describedby={jsonError ? `${id}-json-error` : undefined}
          />
          {jsonError && (
            <p className="field-error" id={`${id}-json-error`}>
              {jsonError}
            </p>
          )}
          {!fields &&
            (form === null || form === undefined ? (
              <p className="muted small">This node has no form: any JSON value is an answer.</p>
            ) : (
              <FormSchema form={form} nodeId={nodeId} />
            ))}
        </div>
      )}
      <div className="row">
        <button type="submit" className="button button-primary" disabled={answer.isPending}>
          {answer.isPending ? <IconSpinner /> : <IconCheck />}
          {answer.isPending ? 'Sending…' : 'Send answer'}
        </button>
        {fields && (
          <button type="button" className="button button-ghost button-small" onClick={toggleRaw}>
            {raw === null ? 'Edit as JSON' : 'Use the form'}
          </button>
        )}
      </div>
    </form>
  );
}

function FormSchema({ form, nodeId }: { form: unknown; nodeId: string }) {
  return (
    <details className="answer-schema">
      <summary className="small">The form the answer must match (JSON Schema)</summary>
      <JsonViewer value={form} label={`Form of ${nodeId}`} />
    </details>
  );
}
