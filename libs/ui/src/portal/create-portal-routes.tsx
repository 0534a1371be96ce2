import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { NotFoundPage } from './NotFoundPage';
import { PortalLayout } from './PortalLayout';
import { RouteErrorPage } from './RouteErrorPage';
import type { PortalDefinition, PortalPage } from './portal-definition';

function pageRoute(page: PortalPage): RouteObject {
  // React.lazy per page: Vite emits one chunk per page module.
  const Page = lazy(page.load);
  return page.to === '/'
    ? { index: true, element: <Page /> }
    : { path: page.to.replace(/^\//, ''), element: <Page /> };
}

/**
 * Routes of a portal: the shell layout, then a pathless route whose error
 * boundary renders inside the shell (so navigation still works after an error).
 */
export function createPortalRoutes(definition: PortalDefinition): RouteObject[] {
  return [
    {
      path: '/',
      element: <PortalLayout definition={definition} />,
      errorElement: <RouteErrorPage />,
      children: [
        {
          errorElement: <RouteErrorPage />,
          children: [...definition.pages.map(pageRoute), { path: '*', element: <NotFoundPage /> }],
        },
      ],
    },
  ];
}
