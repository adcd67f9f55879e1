import type { FormError } from "../form-error.js";
import { FieldError } from "../layout.js";

export interface TextFieldProps {
  /** The input's name and id. */
  readonly name: string;
  readonly label: string;
  readonly value: string;
  readonly type?: "text" | "url" | "datetime-local";
  /** A textarea rather than a one-line input. */
  readonly multiline?: boolean;
  /** Code rather than prose: monospace, larger, no spell checking. */
  readonly code?: boolean;
  readonly hint?: string;
  readonly required?: boolean;
  readonly error: FormError | undefined;
  /** The wire name core blames when it is not the input's name (`redirect_uris` for `redirect_uri`). */
  readonly errorField?: string;
}

/** A labelled text input with its hint and, when core refused this field, its error. */
export function TextField(props: TextFieldProps) {
  const { name, label, value, hint, error } = props;
  const errorField = props.errorField ?? name;
  const failed = error?.field === errorField;
  const errorId = `${errorField}-error`;
  const hintId = `${name}-hint`;
  const describedBy = failed ? errorId : hint === undefined ? undefined : hintId;
  const attributes = {
    id: name,
    name,
    ...(describedBy === undefined ? {} : { "aria-describedby": describedBy }),
    ...(failed ? { "aria-invalid": "true" } : {}),
  };
  return (
    <div>
      <label for={name}>{label}</label>
      {hint === undefined ? null : (
        <p id={hintId} class="hint">
          {hint}
        </p>
      )}
      {props.multiline === true ? (
        <textarea {...attributes} {...(props.code === true ? { class: "code", spellcheck: false } : {})}>
          {value}
        </textarea>
      ) : (
        <input type={props.type ?? "text"} value={value} required={props.required === true} {...attributes} />
      )}
      <FieldError id={errorId} message={failed ? error?.message : undefined} />
    </div>
  );
}
