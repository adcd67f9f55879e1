import { CsrfField, Layout } from "../layout.js";

export interface ConfirmDeleteProps {
  readonly csrfToken: string;
  /** What is deleted, as the operator knows it. */
  readonly what: string;
  readonly action: string;
  readonly cancel: string;
}

/** The confirmation step: deleting takes a second, deliberate POST from this page. */
export function ConfirmDeletePage({ csrfToken, what, action, cancel }: ConfirmDeleteProps) {
  return (
    <Layout title={`Delete ${what}?`} csrfToken={csrfToken}>
      <p>This cannot be undone.</p>
      <form method="post" action={action}>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="confirm" value="yes" />
        <button type="submit" class="danger">
          Delete
        </button>{" "}
        <a href={cancel}>Cancel</a>
      </form>
    </Layout>
  );
}
