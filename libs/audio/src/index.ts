export { AudioDecodeError, AUDIO_DECODE_FAILURES, type AudioDecodeFailure } from './audio-decode-error.ts';
export {
  AUDIO_FORMATS,
  FORMAT_CONTENT_TYPES,
  FORMAT_LABELS,
  detectAudioFormat,
  formatOfContentType,
  type AudioFormat,
  type DetectedFormat,
} from './audio-format.ts';
export {
  getDecodeCapabilities,
  canDecodeFormat,
  canDecodeContentType,
  IN_PROCESS_FORMATS,
  FFMPEG_FORMATS,
  DEFAULT_FFMPEG_PATH,
  type DecodeCapabilities,
  type FfmpegInfo,
} from './decode-capabilities.ts';
export {
  decodeAudio,
  decodeAudioStream,
  type AudioInput,
  type AudioSourceInfo,
  type DecodedAudio,
  type DecodeOptions,
  type PcmChunk,
} from './decode-audio.ts';
export { downmixToMono } from './mono-downmix.ts';
