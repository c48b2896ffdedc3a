/** What a form just saved, said where screen readers hear it. */
export function Saved({ text }: { text: string | null }) {
  return (
    <p role="status" className="success">
      {text}
    </p>
  );
}
