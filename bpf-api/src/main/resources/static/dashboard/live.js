// Live updates for the dashboard pages: listens to /dashboard/stream (server-sent events) and, when a
// forum shown on this page changes, fetches the page again and swaps its live regions ([data-live])
// in place: no reload, scroll position and focus kept. Reconnects by itself after a server restart.
(function () {
  'use strict';

  var forumId = document.body.getAttribute('data-forum-id');
  // the page's own address (after a refused form post the browser shows the post's address instead)
  var liveUrl = document.body.getAttribute('data-live-url') || window.location.href;
  var status = document.getElementById('live-status');
  var source = null;
  var retryMillis = 1000;
  var missedUpdates = false;
  var connectedBefore = false;
  var refreshing = false;
  var refreshAgain = false;

  function setStatus(text, state) {
    if (!status) { return; }
    status.textContent = text;
    status.className = 'live-status ' + state;
  }

  function concerns(event) {
    if (!forumId) { return true; }
    try {
      var forums = JSON.parse(event.data).forums || [];
      return forums.indexOf(forumId) >= 0 || forums.indexOf('*') >= 0;
    } catch (e) {
      return true;
    }
  }

  function typingIn(region) {
    var active = document.activeElement;
    return active && region.contains(active) && /^(INPUT|SELECT|TEXTAREA)$/.test(active.tagName) && active.type !== 'hidden';
  }

  function refresh() {
    if (refreshing) { refreshAgain = true; return; }
    refreshing = true;
    fetch(liveUrl, { headers: { 'Accept': 'text/html' }, credentials: 'same-origin', cache: 'no-store' })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html === null) { return; }
        var fresh = new DOMParser().parseFromString(html, 'text/html');
        document.querySelectorAll('[data-live]').forEach(function (region) {
          var replacement = fresh.getElementById(region.id);
          if (replacement && !typingIn(region)) {
            region.replaceWith(document.importNode(replacement, true));
          }
        });
        document.body.setAttribute('data-refreshed-at', String(Date.now()));
      })
      .catch(function () { missedUpdates = true; })
      .then(function () {
        refreshing = false;
        if (refreshAgain) { refreshAgain = false; refresh(); }
      });
  }

  function connect() {
    source = new EventSource('/dashboard/stream');
    source.addEventListener('open', function () {
      setStatus('Live', 'live');
      retryMillis = 1000;
      // a change made between rendering this page and connecting (or while disconnected) was not
      // announced to it: fetch the page once now, so that nothing slips through that gap
      if (missedUpdates || !connectedBefore) { missedUpdates = false; refresh(); }
      connectedBefore = true;
    });
    source.addEventListener('change', function (event) {
      if (concerns(event)) { refresh(); }
    });
    source.addEventListener('error', function () {
      missedUpdates = true;
      setStatus('Reconnecting…', 'offline');
      if (source.readyState === EventSource.CLOSED) {
        // the browser gave up (e.g. an error page while the server restarted): try again ourselves
        source.close();
        window.setTimeout(connect, retryMillis);
        retryMillis = Math.min(retryMillis * 2, 10000);
      }
    });
  }

  // a refused step: move the keyboard focus to the reason, so that it is read out and seen first
  var refusal = document.getElementById('refusal');
  if (refusal) { refusal.focus(); }

  if (window.EventSource) {
    connect();
  } else {
    setStatus('Reload for updates', 'offline');
  }
}());
