// The consultation page with JavaScript: comment forms post through fetch and the answer shows in
// the form (no reload, nothing typed is lost). The server answers X-Requested-With: fetch in JSON;
// without this file the same forms post and redirect back with a message.
(function () {
  'use strict';

  var FIELDS = ['author', 'organisation', 'stakeholderGroup', 'email', 'text'];

  function clearErrors(form, key) {
    FIELDS.forEach(function (field) {
      var input = document.getElementById(key + '-' + field);
      var error = document.getElementById(key + '-' + field + '-error');
      if (error) { error.remove(); }
      if (input) {
        input.removeAttribute('aria-invalid');
        input.removeAttribute('aria-describedby');
      }
    });
  }

  function showErrors(key, errors) {
    var first = null;
    FIELDS.forEach(function (field) {
      if (!errors[field]) { return; }
      var input = document.getElementById(key + '-' + field);
      if (!input) { return; }
      var error = document.createElement('p');
      error.className = 'field-error';
      error.id = key + '-' + field + '-error';
      error.textContent = errors[field];
      input.insertAdjacentElement('afterend', error);
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', error.id);
      if (!first) { first = input; }
    });
    if (first) { first.focus(); }
  }

  // built from text nodes only: what a commenter wrote never becomes markup
  function commentElement(comment) {
    var article = document.createElement('article');
    article.className = 'comment comment-new';
    article.id = 'comment-' + comment.id;
    var meta = document.createElement('p');
    meta.className = 'comment-meta';
    var author = document.createElement('strong');
    author.className = 'comment-author';
    author.textContent = comment.author;
    meta.appendChild(author);
    var more = '';
    if (comment.organisation) { more += ', ' + comment.organisation; }
    if (comment.stakeholderGroup) { more += ' (' + comment.stakeholderGroup + ')'; }
    meta.appendChild(document.createTextNode(more + ' · ' + comment.submittedAt));
    var text = document.createElement('p');
    text.className = 'comment-text';
    text.textContent = comment.text;
    article.appendChild(meta);
    article.appendChild(text);
    return article;
  }

  function listFor(key) {
    return document.getElementById(key === 'document' ? 'comments-document' : 'comments-' + key);
  }

  function submit(form, event) {
    event.preventDefault();
    var key = form.id.replace(/^form-/, '');
    var status = document.getElementById(key + '-status');
    var button = form.querySelector('button[type=submit]');
    clearErrors(form, key);
    status.className = 'form-status';
    status.textContent = 'Sending…';
    button.disabled = true;
    fetch(form.action, {
      method: 'POST',
      headers: { 'X-Requested-With': 'fetch', 'Accept': 'application/json' },
      body: new URLSearchParams(new FormData(form)),
      credentials: 'same-origin'
    }).then(function (response) {
      return response.json().catch(function () { return { outcome: 'refused', message: 'The server did not answer as expected; try again.' }; });
    }).then(function (answer) {
      status.textContent = answer.message;
      if (answer.outcome === 'invalid') {
        status.className = 'form-status problem';
        showErrors(key, answer.errors || {});
        return;
      }
      if (answer.outcome === 'refused') {
        status.className = 'form-status problem';
        return;
      }
      status.className = 'form-status done';
      form.querySelector('textarea[name=text]').value = '';
      if (answer.comment) {
        var list = listFor(key);
        var none = list && list.querySelector('.none');
        if (none) { none.remove(); }
        if (list) { list.appendChild(commentElement(answer.comment)); }
      }
      status.setAttribute('tabindex', '-1');
      status.focus();
    }).catch(function () {
      status.className = 'form-status problem';
      status.textContent = 'Your comment could not be sent (no connection?). Your text is kept; try again.';
    }).then(function () {
      button.disabled = false;
    });
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.classList && form.classList.contains('comment-form')) {
      submit(form, event);
    }
  });
  document.body.setAttribute('data-enhanced', 'true');
})();
