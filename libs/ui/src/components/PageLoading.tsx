/** Shown while a page's code chunk loads. */
export function PageLoading() {
  return (
    <p className="zamio-muted" role="status" aria-live="polite">
      Loading…
    </p>
  );
}
