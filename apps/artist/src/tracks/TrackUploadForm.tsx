// Registering a track: its facts (title, ISRC, album, genre, release date),
// checked inline while typing, then its audio with a progress bar. The track
// is created first (so a taken ISRC is refused before a large file is sent),
// then the audio goes to it in resumable parts (tus): a dropped connection
// resumes by itself, and a failed or cancelled transfer retries into the same
// track, never creating a second one. The track just created is remembered
// for this tab (sessionStorage), so after a reload the same facts and the same
// file continue the upload where it stopped instead of starting a new track.
import type { Track, TrackCreateBody } from '@zamio/contracts';
import { artistEndpoints } from '@zamio/api-client';
import {
  Button,
  DateField,
  ErrorBanner,
  FileField,
  formatBytes,
  SelectField,
  TextField,
  UploadProgressPanel,
  serverFormErrors,
  useApiClient,
  useFileUpload,
} from '@zamio/ui';
import { useState, type FormEvent } from 'react';
import { useForm } from 'react-hook-form';
import { GENRES, TRACK_AUDIO_ACCEPT, TRACK_AUDIO_MAX_BYTES, isrcProblem, normaliseIsrc } from './track-rules';

export interface TrackUploadValues {
  title: string;
  isrc: string;
  album: string;
  genre: string;
  releaseDate: string;
}

type FieldName = keyof TrackUploadValues;
const FIELDS: FieldName[] = ['title', 'isrc', 'album', 'genre', 'releaseDate'];

export interface TrackUploadFormProps {
  /** The track with its audio stored (status `uploaded`: fingerprinting follows). */
  onUploaded: (track: Track) => void;
}

/** The create body: trimmed, ISRC normalised, empty optional facts left out. */
export function trackCreateBodyOf(values: TrackUploadValues): TrackCreateBody {
  const body: Record<string, string> = { title: values.title.trim() };
  const isrc = normaliseIsrc(values.isrc);
  if (isrc) body.isrc = isrc;
  if (values.album.trim()) body.album = values.album.trim();
  if (values.genre) body.genre = values.genre;
  if (values.releaseDate) body.releaseDate = values.releaseDate;
  return body as TrackCreateBody;
}

const today = () => new Date().toISOString().slice(0, 10);

/** The track this tab registered and is still uploading into, with the create body it came from. */
interface CreatedTrack {
  track: Track;
  body: string;
}
const CREATED_KEY = 'zamio.artist.track-upload.created';

function rememberedTrack(): CreatedTrack | undefined {
  try {
    const stored = globalThis.sessionStorage?.getItem(CREATED_KEY);
    return stored ? (JSON.parse(stored) as CreatedTrack) : undefined;
  } catch {
    return undefined;
  }
}

function remember(created: CreatedTrack | undefined): void {
  try {
    if (created) globalThis.sessionStorage?.setItem(CREATED_KEY, JSON.stringify(created));
    else globalThis.sessionStorage?.removeItem(CREATED_KEY);
  } catch {
    // Storage unavailable (private mode): resuming after a reload is then not offered.
  }
}

export function TrackUploadForm({ onUploaded }: TrackUploadFormProps) {
  const api = useApiClient();
  const [file, setFile] = useState<File | undefined>();
  const [fileError, setFileError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | undefined>();
  // The track created for this form; a retry uploads into it again.
  const [created, setCreated] = useState<CreatedTrack | undefined>(rememberedTrack);
  const upload = useFileUpload<Track>({
    resumable: true,
    onUploaded: (track) => {
      remember(undefined);
      onUploaded(track);
    },
  });
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TrackUploadValues>({
    mode: 'onTouched',
    defaultValues: { title: '', isrc: '', album: '', genre: '', releaseDate: '' },
  });

  const submit = handleSubmit(async (values) => {
    setFormError(undefined);
    if (!file) return;
    const body = trackCreateBodyOf(values);
    const key = JSON.stringify(body);
    let track = created?.body === key ? created.track : undefined;
    if (!track) {
      try {
        track = await artistEndpoints.registerTrack(api, body);
        setCreated({ track, body: key });
        remember({ track, body: key });
      } catch (error) {
        const mapped = serverFormErrors<FieldName>(error, { fields: FIELDS, conflictField: 'isrc' });
        for (const [field, message] of Object.entries(mapped.fields) as [FieldName, string][])
          setError(field, { type: 'server', message }, { shouldFocus: true });
        setFormError(mapped.form);
        return;
      }
    }
    await upload.start(file, undefined, artistEndpoints.trackAudioResumablePath(track.id));
  });

  // The file is not a react-hook-form field (a File, not text): checked beside it.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (!file) setFileError("Choose the track's audio file");
    return submit(event);
  };

  const sending = isSubmitting || upload.phase === 'uploading';
  return (
    <form className="zamio-form" onSubmit={onSubmit} noValidate data-testid="track-upload-form">
      <div className="zamio-grid">
        <TextField
          label="Title"
          required
          autoComplete="off"
          placeholder="e.g. Sika"
          error={errors.title?.message}
          data-testid="track-title"
          {...register('title', {
            validate: (value) =>
              value.trim() === ''
                ? 'Enter the track title'
                : value.trim().length > 200
                  ? 'A title has at most 200 characters'
                  : true,
          })}
        />
        <TextField
          label="ISRC"
          autoComplete="off"
          placeholder="GH-A01-26-00001"
          hint="The recording's code from your distributor; hyphens are optional."
          error={errors.isrc?.message}
          data-testid="track-isrc"
          {...register('isrc', { validate: (value) => isrcProblem(value) ?? true })}
        />
        <TextField
          label="Album"
          autoComplete="off"
          error={errors.album?.message}
          data-testid="track-album"
          {...register('album', {
            validate: (value) => value.trim().length <= 200 || 'An album name has at most 200 characters',
          })}
        />
        <SelectField
          label="Genre"
          placeholder="Choose a genre"
          options={GENRES.map((genre) => ({ value: genre, label: genre }))}
          error={errors.genre?.message}
          data-testid="track-genre"
          {...register('genre')}
        />
        <DateField
          label="Release date"
          max={today()}
          error={errors.releaseDate?.message}
          data-testid="track-release-date"
          {...register('releaseDate', {
            validate: (value) => !value || value <= today() || 'The release date cannot be in the future',
          })}
        />
        <FileField
          label="Audio"
          required
          accept={TRACK_AUDIO_ACCEPT}
          maxBytes={TRACK_AUDIO_MAX_BYTES}
          hint={`WAV, MP3, FLAC, Ogg (Vorbis/Opus) or AAC/M4A, up to ${formatBytes(TRACK_AUDIO_MAX_BYTES)}.`}
          error={fileError}
          disabled={sending}
          data-testid="track-audio"
          onFileChange={(chosen) => {
            setFile(chosen);
            setFileError(undefined);
          }}
        />
      </div>
      {formError ? <ErrorBanner title="The track could not be registered" error={formError} /> : null}
      <UploadProgressPanel upload={upload} doneLabel="Uploaded · fingerprinting starts now" />
      {upload.phase === 'failed' ? <ErrorBanner title="The upload failed" error={upload.error} /> : null}
      <div className="zamio-button-row">
        <Button
          type="submit"
          variant="primary"
          loading={sending}
          loadingLabel="Uploading…"
          disabled={upload.phase === 'done'}
          data-testid="track-upload-submit"
        >
          Upload track
        </Button>
      </div>
    </form>
  );
}
