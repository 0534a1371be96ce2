// Shared portal config: dev server, /api proxy, runtime config, build output.
import { createPortalViteConfig } from '@zamio/ui/vite';

export default createPortalViteConfig({ app: 'artist', appDir: import.meta.dirname, defaultPort: 5173 });
