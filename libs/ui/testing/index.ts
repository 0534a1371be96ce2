export { renderToHtml, textByTestId, type RenderToHtmlOptions } from './render-to-html';
export { describePortal, type PortalExpectations } from './portal-contract';
