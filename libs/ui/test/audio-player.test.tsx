/** @vitest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AudioPlayer, navigationOf, type PortalDefinition } from '../src/index';

describe('AudioPlayer', () => {
  it('is a labelled native player that says so when the audio cannot be loaded', () => {
    const { rerender } = render(<AudioPlayer src="/api/artist/tracks/1/audio" label="Sika" />);
    const audio = screen.getByLabelText('Sika') as HTMLAudioElement;
    expect(audio.tagName).toBe('AUDIO');
    expect(audio.controls).toBe(true);
    expect(audio.getAttribute('preload')).toBe('metadata');
    expect(screen.queryByTestId('audio-error')).toBeNull();

    fireEvent.error(audio);
    expect(screen.getByTestId('audio-error').textContent).toContain('could not be loaded');
    // Another source starts clean.
    rerender(<AudioPlayer src="/api/artist/tracks/2/audio" label="Odo" />);
    expect(screen.queryByTestId('audio-error')).toBeNull();
  });
});

describe('hidden portal pages', () => {
  it('are routed but left out of the navigation', () => {
    const load = async () => ({ default: () => null });
    const definition: PortalDefinition = {
      productName: 'ZamIO',
      roleLabel: 'Artist',
      role: 'artist',
      pages: [
        { to: '/', label: 'Home', load },
        { to: '/tracks', label: 'Tracks', load },
        { to: '/tracks/:id', label: 'Track', hidden: true, load },
      ],
    };
    expect(navigationOf(definition)).toEqual([
      { to: '/', label: 'Home' },
      { to: '/tracks', label: 'Tracks' },
    ]);
  });
});
