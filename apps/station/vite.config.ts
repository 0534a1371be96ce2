// Shared portal config: dev server, /api proxy, runtime config, build output.
import { createPortalViteConfig } from '@zamio/ui/vite';

export default createPortalViteConfig({ app: 'station', appDir: import.meta.dirname, defaultPort: 5174 });
