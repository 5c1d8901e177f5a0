/**
 * The map is shown: live, as wide as its 200 columns, and every step column that reaches into
 * the scroller's view has its head and all 12 cells, filled. The same test for a map that
 * renders every column and for one that renders only the columns near the view (issue 14).
 */
export function mapShown(drawnOnly?: boolean): boolean {
  // drawnOnly: the map drawn, whether or not the socket is live yet. On a first visit the editor
  // shows the server's copy the page asked for (public/early.js) before its socket has signed in.
  if (drawnOnly !== true && document.querySelector('[data-status="connected"]') === null) return false;
  const scroller = document.querySelector<HTMLElement>('.map-scroll');
  if (!scroller || scroller.scrollWidth < 200 * 140) return false;
  const view = scroller.getBoundingClientRect();
  const inView = [...document.querySelectorAll<HTMLElement>('[data-testid="step-head"]')].filter((head) => {
    const r = head.getBoundingClientRect();
    return r.right > view.left && r.left < view.right;
  });
  if (inView.length < 5) return false;
  return inView.every((head) => {
    const cells = document.querySelectorAll(`.cell[data-step-id="${head.closest('[data-step-id]')?.getAttribute('data-step-id') ?? ''}"] .cell__text`);
    return cells.length === 12 && [...cells].every((cell) => (cell.textContent ?? '').length > 20);
  });
}
