import { useState } from 'react';
import { may } from '../../lib/authorization';
import { formatDay } from '../../lib/time';
import { useLiftHold, usePlaceHold, useVideoHolds } from './api/retention';

/**
 * The legal holds that keep a video (held footage is deleted neither by retention nor by anyone);
 * admins place one with a reason and a review date, and lift it.
 */
export function VideoHolds({ videoId }: { videoId: string }) {
  const holds = useVideoHolds(videoId);
  const place = usePlaceHold();
  const lift = useLiftHold();
  const admin = may('administer');
  const [reason, setReason] = useState('');
  const [reviewOn, setReviewOn] = useState('');
  const [open, setOpen] = useState(false);
  if (holds.isError || !holds.data) return null;
  const error = place.error ?? lift.error;
  return (
    <section aria-labelledby="holds-title" className="card holds">
      <h2 id="holds-title">Legal hold</h2>
      {holds.data.length === 0 ? (
        <p className="muted">This video is under no legal hold: retention and users may delete it.</p>
      ) : (
        <ul>
          {holds.data.map((hold) => (
            <li key={hold.id}>
              <strong>On legal hold:</strong> {hold.reason} <span className="muted">— placed by {hold.placed_by}, review on {formatDay(hold.review_on)}</span>
              {hold.pin_id && <span className="muted"> (the pin’s footage over a time window)</span>}
              {admin && (
                <button type="button" className="link lift" onClick={() => lift.mutate(hold.id)} aria-label={`Lift the hold “${hold.reason}”`}>
                  Lift
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {admin && !open && (
        <button type="button" className="secondary" onClick={() => setOpen(true)}>
          Place a legal hold
        </button>
      )}
      {admin && open && (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            place.mutate(
              { video_id: videoId, reason: reason.trim(), review_on: reviewOn },
              {
                onSuccess: () => {
                  setReason('');
                  setReviewOn('');
                  setOpen(false);
                },
              },
            );
          }}
        >
          <label>
            Reason
            <input value={reason} required maxLength={1000} onChange={(event) => setReason(event.target.value)} />
          </label>
          <label>
            Review on
            <input type="date" value={reviewOn} required onChange={(event) => setReviewOn(event.target.value)} />
          </label>
          <button type="submit" disabled={place.isPending}>
            Place hold
          </button>
          <button type="button" className="secondary" onClick={() => setOpen(false)}>
            Cancel
          </button>
        </form>
      )}
      {error && (
        <p role="alert" className="error">
          {error.message}
        </p>
      )}
    </section>
  );
}
