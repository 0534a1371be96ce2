import { Suspense, lazy } from 'react';
import { PageLoading } from '../components/PageLoading';
import type { RouteObject } from 'react-router';
import { NotFoundPage } from './NotFoundPage';
import { PortalLayout } from './PortalLayout';
import { RouteErrorPage } from './RouteErrorPage';
import { SIGN_UP_PATH, type PortalDefinition, type PortalPage } from './portal-definition';

// Sign-up is visited once per account: its own chunk, not part of the first load.
const SignUpPage = lazy(() =>
  import('../auth/SignUpPage').then((module) => ({ default: module.SignUpPage })),
);

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
  const { role } = definition;
  const signUp: RouteObject[] =
    definition.selfSignUp && role !== 'admin'
      ? [
          {
            path: SIGN_UP_PATH,
            errorElement: <RouteErrorPage />,
            element: (
              <Suspense fallback={<PageLoading />}>
                <SignUpPage
                  productName={definition.productName}
                  roleLabel={definition.roleLabel}
                  role={role}
                />
              </Suspense>
            ),
          },
        ]
      : [];
  return [
    ...signUp,
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
