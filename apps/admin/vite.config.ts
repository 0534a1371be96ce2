// Shared portal config: dev server, /api proxy, runtime config, build output.
import { createPortalViteConfig } from '@zamio/ui/vite';

export default createPortalViteConfig({ app: 'admin', appDir: import.meta.dirname, defaultPort: 5176 });
