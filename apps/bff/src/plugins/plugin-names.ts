// The bff's own Fastify plugins, by the name they register under.
export const BFF_PLUGIN = {
  session: 'zamio-session',
  csrf: 'zamio-csrf',
  uploads: 'zamio-multipart-uploads',
  openApi: 'zamio-openapi',
} as const;
