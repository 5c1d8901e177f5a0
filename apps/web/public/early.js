// Asks for what the first screen needs as the page arrives, before the app's script (about
// 1 MB) has loaded and run: the answers are on their way meanwhile. The app takes each answer
// once (src/api/earlyRequests.ts); every later request goes to the server as usual. A classic
// script in its own file, because the page's policy runs no inline script (script-src 'self').
(function () {
  var early = {};
  function ask(key, path) {
    var answer = fetch(path);
    answer.catch(function () {});
    early[key] = answer;
  }
  // Every page reads who is signed in (App.tsx); the portfolio's table is the largest answer.
  ask('me', '/api/me');
  if (location.pathname.replace(/\/$/, '') === '/portfolio') {
    var workspace = new URLSearchParams(location.search).get('ws');
    ask('portfolio', '/api/portfolio' + (workspace ? '?workspace=' + encodeURIComponent(workspace) : ''));
  }
  window.klantreisEarly = early;
})();
