// Load shedding's first sample still holds a server's start-up event-loop
// delay (seconds on a busy machine), so its first requests may be shed with
// 503: test set-ups wait until it answers rather than fail on that.
export async function untilServing(url: string, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const status = await fetch(url).then(
      (response) => response.status,
      () => 0,
    );
    // Anything but "shed" or "not listening" (a redirect or a 404 count as serving).
    if (status !== 0 && status !== 503) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
