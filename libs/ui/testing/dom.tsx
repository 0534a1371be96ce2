// Component-test helpers for jsdom test files (`@vitest-environment jsdom`):
// render a page or component inside the providers a portal page has. Kept
// apart from '@zamio/ui/testing' so node-environment tests never load
// testing-library.
export { renderInPortal, apiClientAnswering, type RenderDomOptions } from '../test/render-dom';
