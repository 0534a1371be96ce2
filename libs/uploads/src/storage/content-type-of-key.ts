// Storage keys end in the extension of the type sniffed at upload, so a
// directory (which keeps no metadata) can still answer with a content type.
export const EXTENSIONS: Record<string, string> = {
  'audio/mpeg': 'mp3',
  'audio/wav': 'wav',
  'audio/flac': 'flac',
  'audio/ogg': 'ogg',
  'audio/x-m4a': 'm4a',
  'audio/aac': 'aac',
  'audio/opus': 'opus',
  'audio/aiff': 'aiff',
  'audio/webm': 'webm',
  'text/csv': 'csv',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};

const TYPES = new Map(Object.entries(EXTENSIONS).map(([type, extension]) => [extension, type]));

export const extensionOf = (contentType: string): string => EXTENSIONS[contentType] ?? 'bin';

export function contentTypeOfKey(key: string): string | undefined {
  const dot = key.lastIndexOf('.');
  return dot === -1 ? undefined : TYPES.get(key.slice(dot + 1));
}
