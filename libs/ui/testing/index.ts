export { renderToHtml, textByTestId, type RenderToHtmlOptions } from './render-to-html';
