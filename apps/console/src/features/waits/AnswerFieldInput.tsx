import { IconAlert } from '../../ui/icons';
import { optionLabel, type AnswerField } from './answer-form-model';

/** One generated input with its label, required marker, hint and the API's problems for it. */
export function AnswerFieldInput({
  field,
  id,
  value,
  problems,
  onChange,
}: {
  field: AnswerField;
  id: string;
  value: string | boolean | undefined;
  problems: string[];
  onChange: (value: string | boolean) => void;
}) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const hint = [field.description, field.hint].filter(Boolean).join(' · ');
  const describedBy = [hint && hintId, problems.length && errorId].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    'aria-describedby': describedBy,
    'aria-invalid': problems.length > 0 || undefined,
    'aria-required': field.required || undefined,
  };

  if (field.kind === 'boolean') {
    return (
      <div className="field answer-field" data-field={field.name}>
        <label className="checkbox">
          <input type="checkbox" {...common} checked={value === true} onChange={(e) => onChange(e.target.checked)} />
          {field.label}
          {field.required && <RequiredMark />}
        </label>
        <FieldNotes hint={hint} hintId={hintId} problems={problems} errorId={errorId} />
      </div>
    );
  }
  const text = typeof value === 'string' ? value : '';
  return (
    <div className="field answer-field" data-field={field.name}>
      <label htmlFor={id}>
        {field.label}
        {field.required && <RequiredMark />}
      </label>
      {field.kind === 'enum' ? (
        <select className="input" {...common} value={text} onChange={(e) => onChange(e.target.value)}>
          <option value="">{field.required ? 'Choose…' : '— none —'}</option>
          {field.options!.map((option, index) => (
            <option key={index} value={String(index)}>
              {optionLabel(option)}
            </option>
          ))}
        </select>
      ) : field.multiline ? (
        <textarea className="input" rows={3} {...common} value={text} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          className="input"
          {...common}
          type={field.kind === 'string' ? 'text' : 'number'}
          step={field.kind === 'integer' ? 1 : 'any'}
          inputMode={field.kind === 'integer' ? 'numeric' : field.kind === 'number' ? 'decimal' : undefined}
          value={text}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      <FieldNotes hint={hint} hintId={hintId} problems={problems} errorId={errorId} />
    </div>
  );
}

function RequiredMark() {
  return (
    <span className="required-mark" aria-hidden="true" title="required">
      {' '}
      *
    </span>
  );
}

function FieldNotes({ hint, hintId, problems, errorId }: { hint: string; hintId: string; problems: string[]; errorId: string }) {
  return (
    <>
      {hint && (
        <p className="muted small" id={hintId}>
          {hint}
        </p>
      )}
      {problems.length > 0 && (
        <p className="field-error answer-field-error" id={errorId}>
          <IconAlert /> {problems.join('; ')}
        </p>
      )}
    </>
  );
}
