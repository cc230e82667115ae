// Search, as a progressive enhancement: without this script the form goes to the A to Z page.
// It fetches only the index shards for the words typed and the document chunks it needs.
(function () {
  'use strict';
  var form = document.getElementById('search');
  if (!form || !window.fetch || location.protocol === 'file:') return;
  var input = form.querySelector('input[type=search]');
  var results = document.getElementById('search-results');
  var root = form.getAttribute('data-root') || '';
  var cache = {};
  var STOP = ['the','and','for','our','are','will','with','that','this','from','have','all','its','be','to','of','in','we','a','an','on','is','as','by'];

  function words(text) {
    return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w.length >= 2 && STOP.indexOf(w) < 0; });
  }
  function shard(prefix) {
    return Array.from(prefix).map(function (c) { return /[a-z0-9]/.test(c) ? c : '_' + c.codePointAt(0).toString(16); }).join('');
  }
  function get(path) {
    if (!cache[path]) cache[path] = fetch(root + path).then(function (r) { return r.ok ? r.json() : {}; }).catch(function () { return {}; });
    return cache[path];
  }
  function matches(word) {
    // Every indexed word that starts with what was typed, so "bereave" finds "bereavement".
    return get('search/words-' + shard(word.slice(0, 2)) + '.json').then(function (index) {
      var ids = {};
      Object.keys(index).forEach(function (w) { if (w.indexOf(word) === 0) index[w].forEach(function (id) { ids[id] = true; }); });
      return ids;
    });
  }
  function show(items, query) {
    results.textContent = '';
    var heading = document.createElement('p');
    heading.textContent = items.length ? items.length + ' result' + (items.length === 1 ? '' : 's') + ' for \u201c' + query + '\u201d' : 'Nothing found for \u201c' + query + '\u201d. Try another word, or the A to Z.';
    results.appendChild(heading);
    var list = document.createElement('ul');
    items.slice(0, 50).forEach(function (doc) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = root + doc[1];
      a.textContent = doc[0];
      li.appendChild(a);
      list.appendChild(li);
    });
    results.appendChild(list);
  }
  function search(event) {
    if (event) event.preventDefault();
    var query = input.value.trim();
    var terms = words(query);
    if (!terms.length) { results.textContent = ''; return; }
    Promise.all(terms.map(matches)).then(function (sets) {
      var ids = Object.keys(sets[0]).filter(function (id) { return sets.every(function (s) { return s[id]; }); }).map(Number).sort(function (a, b) { return a - b; });
      var chunks = {};
      ids.forEach(function (id) { chunks[Math.floor(id / 100)] = true; });
      return Promise.all(Object.keys(chunks).map(function (n) { return get('search/docs-' + n + '.json').then(function (docs) { return [Number(n), docs]; }); })).then(function (loaded) {
        var byChunk = {};
        loaded.forEach(function (pair) { byChunk[pair[0]] = pair[1]; });
        show(ids.map(function (id) { return byChunk[Math.floor(id / 100)][id % 100]; }).filter(Boolean), query);
      });
    });
  }
  form.addEventListener('submit', search);
}());
