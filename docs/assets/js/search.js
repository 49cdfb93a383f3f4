/* The site's search (see opencommittee/publish/search.py for the index format).
   Loaded by the search page only; it fetches the manifest, one word shard per query
   word and the document chunks of the results shown, nothing else. */
(function () {
  "use strict";
  var box = document.getElementById("oc-search");
  if (!box || !window.fetch) return;
  var form = box.querySelector("form");
  var input = box.querySelector("input[name=q]");
  var status = box.querySelector(".oc-search__status");
  var list = box.querySelector(".oc-search__results");
  var more = box.querySelector(".oc-search__more");
  var base = new URL(box.getAttribute("data-index"), location.href);
  var root = new URL(box.getAttribute("data-root"), location.href);
  var text = box.dataset;
  var PAGE = 10;
  var cache = {};
  var manifest = null;
  var ranked = [];
  var shown = 0;
  var serial = 0;

  var WORD = /[\p{L}\p{N}\p{M}]+/gu;
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFC");
  }
  function words(s) { return s.normalize("NFC").toLowerCase().match(WORD) || []; }
  function get(path) {
    if (!cache[path]) {
      cache[path] = fetch(new URL(path, base)).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      });
    }
    return cache[path];
  }
  function hex(s) {
    return Array.prototype.map.call(new TextEncoder().encode(s), function (b) {
      return (b < 16 ? "0" : "") + b.toString(16);
    }).join("");
  }
  function shardOf(f) {
    var key = f.slice(0, Math.min(manifest.prefix, f.length));
    while (manifest.split.indexOf(key) >= 0 && f.length > key.length) key = f.slice(0, key.length + 1);
    return key;
  }
  function undelta(d) {
    var out = [], n = 0;
    for (var i = 0; i < d.length; i++) { n += d[i]; out.push(n); }
    return out;
  }
  // Score of each entry for one query word: exact spelling 4 (when the query has
  // diacritics), whole word 3 (2 for another spelling), prefix 1; title +1.
  function scores(shard, word, isPrefix) {
    var f = fold(word), marked = f !== word, result = {};
    Object.keys(shard).forEach(function (w) {
      var whole = w === f;
      if (!whole && !(isPrefix && w.indexOf(f) === 0)) return;
      var forms = shard[w];
      Object.keys(forms).forEach(function (form) {
        var s = whole ? (marked ? (form === word ? 4 : 2) : 3) : (marked && form.indexOf(word) === 0 ? 2 : 1);
        [0, 1].forEach(function (slot) {
          undelta(forms[form][slot]).forEach(function (id) {
            var v = s + (slot === 0 ? 1 : 0);
            if (!(result[id] >= v)) result[id] = v;
          });
        });
      });
    });
    return result;
  }
  function run(query, typing) {
    var ws = words(query).slice(0, 8);
    var mine = ++serial;
    if (!ws.length) { list.innerHTML = ""; status.textContent = ""; more.hidden = true; return; }
    status.textContent = text.loading;
    get("manifest.json").then(function (m) {
      manifest = m;
      var wanted = ws.map(function (w) { return shardOf(fold(w)); });
      return Promise.all(wanted.map(function (k) {
        return manifest.shards.indexOf(k) >= 0 ? get("t/" + hex(k) + ".json") : {};
      }));
    }).then(function (parts) {
      if (mine !== serial) return;
      var total = null;
      ws.forEach(function (w, i) {
        var s = scores(parts[i], w, typing && i === ws.length - 1);
        if (total === null) { total = s; return; }
        var next = {};
        Object.keys(total).forEach(function (id) { if (id in s) next[id] = total[id] + s[id]; });
        total = next;
      });
      ranked = Object.keys(total).map(Number).sort(function (a, b) {
        return total[b] - total[a] || a - b;
      });
      list.innerHTML = "";
      shown = 0;
      status.textContent = ranked.length ? text.count.replace("{count}", ranked.length) : text.none;
      return show();
    }).catch(function () { if (mine === serial) status.textContent = text.error; });
  }
  function show() {
    var page = ranked.slice(shown, shown + PAGE), mine = serial;
    var chunks = page.map(function (id) { return get("d/" + Math.floor(id / manifest.chunk) + ".json"); });
    return Promise.all(chunks).then(function (docs) {
      if (mine !== serial) return;
      page.forEach(function (id, i) {
        var e = docs[i][id % manifest.chunk];
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = new URL(e[1], root).href;
        a.textContent = e[0];
        var kind = document.createElement("span");
        kind.className = "oc-search__kind";
        kind.textContent = e[2];
        li.appendChild(a);
        li.appendChild(document.createTextNode(" "));
        li.appendChild(kind);
        if (e[3]) {
          var p = document.createElement("p");
          p.textContent = e[3];
          li.appendChild(p);
        }
        list.appendChild(li);
      });
      shown += page.length;
      more.hidden = shown >= ranked.length;
    });
  }
  var timer = 0;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(input.value, !/\s$/.test(input.value)); }, 150);
  });
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
    run(input.value, true);
  });
  more.addEventListener("click", function () { show(); });
  var q = new URLSearchParams(location.search).get("q");
  if (q) { input.value = q; run(q, true); }
})();
