/** What the bar's colours mean. */
export function Legend() {
  return (
    <ul className="timeline-legend" aria-label="Legend">
      <li>
        <span className="swatch recorded" aria-hidden="true" /> Recorded
      </li>
      <li>
        <span className="swatch waiting" aria-hidden="true" /> Still processing
      </li>
      <li>
        <span className="swatch failed" aria-hidden="true" /> Processing failed
      </li>
      <li>
        <span className="swatch gap" aria-hidden="true" /> No footage
      </li>
    </ul>
  );
}
