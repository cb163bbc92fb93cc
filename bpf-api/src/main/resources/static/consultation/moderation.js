// The moderation queue with JavaScript: a box that ticks every waiting comment at once, for a flood.
(function () {
  'use strict';
  var all = document.getElementById('select-all');
  var label = document.getElementById('select-all-label');
  if (!all) { return; }
  all.hidden = false;
  label.hidden = false;
  all.addEventListener('change', function () {
    document.querySelectorAll('input[name=commentIds]').forEach(function (box) { box.checked = all.checked; });
  });
})();
