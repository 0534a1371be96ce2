import { useState } from 'react';

export interface AudioPlayerProps {
  /** URL the browser streams from (the bff answers range requests, so seeking works). */
  src: string;
  /** What is playing, e.g. the track's title; names the player for screen readers. */
  label: string;
  'data-testid'?: string;
}

/**
 * The browser's own audio controls (keyboard, screen reader and lock-screen
 * support come with them), full width, with a readable message when the
 * audio cannot be loaded instead of a silent dead player.
 */
export function AudioPlayer({ src, label, 'data-testid': testId }: AudioPlayerProps) {
  const [failedSrc, setFailedSrc] = useState<string | undefined>();
  return (
    <figure className="zamio-audio" data-testid={testId}>
      <figcaption className="zamio-audio__label">{label}</figcaption>
      <audio
        className="zamio-audio__player"
        controls
        preload="metadata"
        src={src}
        aria-label={label}
        onError={() => setFailedSrc(src)}
        onLoadedMetadata={() => setFailedSrc(undefined)}
      />
      {failedSrc === src ? (
        <p className="zamio-field__error" role="alert" data-testid="audio-error">
          The audio could not be loaded. Try again later.
        </p>
      ) : null}
    </figure>
  );
}
