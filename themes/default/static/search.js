// Search, as a progressive enhancement: without this script the form goes to the A to Z page.
// It fetches the small manifest, the one index shard each typed word needs, and the document
// chunks its results are in. The words it shows come from the form's data attributes (the theme's
// translation file), so the script speaks the page's language.
(function () {
  'use strict';
  var form = document.getElementById('search');
  if (!form || !window.fetch || location.protocol === 'file:') return;
  var input = form.querySelector('input[type=search]');
  var results = document.getElementById('search-results');
  var root = form.getAttribute('data-root') || '';
  var say = function (name, fallback) { return form.getAttribute('data-' + name) || fallback; };
  var cache = {};
  var SHOWN = 20; // results listed; only their chunks are fetched, however many are found
  var STOP = ['the','and','for','our','are','will','with','that','this','from','have','all','its','be','to','of','in','we','a','an','on','is','as','by'];

  function words(text) {
    return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(function (w) { return Array.from(w).length >= 2 && STOP.indexOf(w) < 0; });
  }
  function fileName(prefix) {
    return Array.from(prefix).map(function (c) { return /[a-z0-9]/.test(c) ? c : '_' + c.codePointAt(0).toString(16); }).join('');
  }
  function get(path) {
    if (!cache[path]) cache[path] = fetch(root + path).then(function (r) { return r.ok ? r.json() : {}; }).catch(function () { return {}; });
    return cache[path];
  }
  // The shard holding a word: its first letter, one more for each prefix the manifest says was
  // split because its shard was too big.
  function shardKey(word, split) {
    var chars = Array.from(word);
    var n = 1;
    while (n < chars.length && split[chars.slice(0, n).join('')]) n++;
    return chars.slice(0, n).join('');
  }
  // Whether two words are one typing slip apart: a letter added, left out, changed, or two
  // letters swapped.
  function oneSlip(a, b) {
    if (Math.abs(a.length - b.length) > 1 || a === b) return false;
    var i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    var restA = a.slice(i + 1), restB = b.slice(i + 1);
    if (a.length === b.length) return restA === restB || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }
  // The documents a typed word finds. The index lists each form of a word with its whole
  // family's documents (see src/render/search/forms.rs), so a whole word is looked up as it is:
  // "midwives" finds just what "midwife" does, with no stemmer here. A word the index does not
  // hold finds those of every word it starts ("bereave" finds "bereavement"); when none starts
  // with a word of five letters or more, those one slip from it ("bereavment").
  // A word the index lists as null is on too many pages to narrow a search.
  function matches(word, split) {
    return get('search/words-' + fileName(shardKey(word, split)) + '.json').then(function (index) {
      var found = { word: word, ids: {}, common: false };
      var all = Object.keys(index);
      var hits = index.hasOwnProperty(word) ? [word] : all.filter(function (w) { return w.indexOf(word) === 0; });
      if (!hits.length && Array.from(word).length >= 5) hits = all.filter(function (w) { return oneSlip(word, w); });
      hits.forEach(function (w) {
        if (index[w] === null) { found.common = true; return; }
        var id = 0;
        index[w].forEach(function (gap) { id += gap; found.ids[id] = true; });
      });
      return found;
    });
  }
  function quoted(text) { return '\u201c' + text + '\u201d'; }
  function show(items, total, query, leftOut) {
    results.textContent = '';
    var heading = document.createElement('p');
    var common = leftOut.length ? ' ' + say('common', 'Words on too many pages to help were not searched for:') + ' ' + leftOut.map(quoted).join(', ') + '.' : '';
    if (items === null) {
      heading.textContent = common.trim() + ' ' + say('try', 'Try another word, or the A to Z.');
    } else if (total) {
      heading.textContent = total + ' ' + (total === 1 ? say('one', 'result for') : say('many', 'results for')) + ' ' + quoted(query) + '.' + common;
    } else {
      heading.textContent = say('none', 'Nothing found for') + ' ' + quoted(query) + '. ' + say('try', 'Try another word, or the A to Z.');
    }
    results.appendChild(heading);
    var list = document.createElement('ul');
    (items || []).forEach(function (doc) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = root + doc[1];
      a.textContent = doc[0];
      li.appendChild(a);
      // Its status in words, then the line of text the index gives it.
      var about = [doc[3] ? say('status', 'Status:') + ' ' + doc[3] + '.' : '', doc[4] || ''].join(' ').trim();
      if (about) {
        var line = document.createElement('p');
        line.className = 'search-results__line';
        line.textContent = about;
        li.appendChild(line);
      }
      list.appendChild(li);
    });
    results.appendChild(list);
  }
  function documents(ids, chunk) {
    var chunks = {};
    ids.forEach(function (id) { chunks[Math.floor(id / chunk)] = true; });
    return Promise.all(Object.keys(chunks).map(function (n) {
      return get('search/docs-' + n + '.json').then(function (docs) { return [Number(n), docs]; });
    })).then(function (loaded) {
      var byChunk = {};
      loaded.forEach(function (pair) { byChunk[pair[0]] = pair[1]; });
      return ids.map(function (id) { return (byChunk[Math.floor(id / chunk)] || [])[id % chunk]; }).filter(Boolean);
    });
  }
  function search(event) {
    if (event) event.preventDefault();
    var query = input.value.trim();
    var terms = words(query);
    if (!terms.length) { results.textContent = ''; return; }
    get('search/index.json').then(function (manifest) {
      var split = {};
      (manifest.split || []).forEach(function (p) { split[p] = true; });
      var chunk = manifest.chunk || 100;
      return Promise.all(terms.map(function (t) { return matches(t, split); })).then(function (found) {
        // Too-common words are left out of the query; the rest must all be on a page.
        var leftOut = found.filter(function (f) { return f.common; }).map(function (f) { return f.word; });
        var sets = found.filter(function (f) { return !f.common; }).map(function (f) { return f.ids; });
        if (!sets.length) { show(null, 0, query, leftOut); return; }
        var ids = Object.keys(sets[0]).filter(function (id) { return sets.every(function (s) { return s[id]; }); }).map(Number).sort(function (a, b) { return a - b; });
        return documents(ids.slice(0, SHOWN), chunk).then(function (items) { show(items, ids.length, query, leftOut); });
      });
    });
  }
  form.addEventListener('submit', search);
}());
