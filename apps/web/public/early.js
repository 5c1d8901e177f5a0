// Asks for what the first screen needs as the page arrives, before the app's script (about
// 1 MB) has loaded and run: the answers are on their way meanwhile. The app takes each answer
// once (src/api/earlyRequests.ts); every later request goes to the server as usual. A classic
// script in its own file, because the page's policy runs no inline script (script-src 'self').
(function () {
  // The files of each scene's own code, filled in by the build (build/scenePreloads.ts); empty
  // in development.
  var SCENE_FILES = {};
  var early = {};
  function safeDecode(text) {
    try {
      return decodeURIComponent(text);
    } catch (error) {
      return text;
    }
  }
  function hasLocalCopy(journeyId) {
    try {
      return localStorage.getItem('klantreis:copy:' + journeyId) !== null;
    } catch (error) {
      return false;
    }
  }
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
  var journey = /^\/journeys\/([^/]+)\/?$/.exec(location.pathname);
  // The code of the page's scene: without this, its files were asked for only once the app's
  // own script had loaded, run and routed (0.4-0.8 s after the page on a first visit to a map).
  function preloadScene(scene) {
    var files = SCENE_FILES[scene] || [];
    for (var i = 0; i < files.length; i++) {
      var link = document.createElement('link');
      // The stylesheet only preloaded: the scene adds it itself (from this preload), and so
      // still waits for it and says when it cannot be loaded. crossOrigin as Vite sets it, or the
      // browser would not reuse the preload.
      if (/\.css$/.test(files[i])) {
        link.rel = 'preload';
        link.as = 'style';
      } else {
        link.rel = 'modulepreload';
      }
      link.crossOrigin = '';
      link.href = files[i];
      document.head.appendChild(link);
    }
  }
  // Before the map's state, which takes the server a while: it sends these first.
  if (journey) preloadScene('editor');
  else if (location.pathname === '/') preloadScene('journeys');
  // A map this browser has no copy of (the editor's first visit): the map itself, which the
  // editor shows as soon as its files have run, instead of asking its socket for it then.
  // With a copy (the editor notes one in localStorage, src/hooks/localCopyMark.ts), the editor
  // shows that and its socket brings what changed.
  if (journey && !hasLocalCopy(safeDecode(journey[1]))) ask('journeyState:' + safeDecode(journey[1]), '/api/journeys/' + journey[1] + '/state');
  window.klantreisEarly = early;
})();
