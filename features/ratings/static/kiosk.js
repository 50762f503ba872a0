// The desk tablet (/kiosk): a tap on a face sends the rating (a face that asks
// reasons opens them first); ratings wait in IndexedDB with their idempotency
// key until the server has them, so nothing is lost or stored twice when the
// network drops. The page asks the server every 3 s what to show (plain
// polling: no connection is held open) and returns to its waiting screen
// after the unit's pause, never showing the previous citizen's answer. If the
// tablet can speak (Web Speech API) and its keeper switched the voice on (kept
// on this tablet only), a newly shown dossier is announced aloud in Vietnamese.
(function () {
  'use strict';
  var root = document.getElementById('kiosk');
  var form = document.getElementById('kiosk-form');
  if (!root || !form) return;
  var thanks = document.getElementById('kiosk-thanks');
  var status = document.getElementById('kiosk-status');
  var reasons = document.getElementById('kiosk-reasons');
  var send = document.getElementById('kiosk-send');
  var resetMs = (parseInt(root.getAttribute('data-reset'), 10) || 20) * 1000;
  var shown = root.getAttribute('data-dossier') || '';
  var DONE = 'fg-kiosk-done';
  var db = null;

  function key() {
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    return Array.prototype.map.call(b, function (x) { return ('0' + x.toString(16)).slice(-2); }).join('');
  }
  function done() {
    try { return JSON.parse(localStorage.getItem(DONE) || '[]'); } catch (e) { return []; }
  }
  function markDone(id) {
    if (!id) return;
    var d = done().concat([String(id)]).slice(-50);
    localStorage.setItem(DONE, JSON.stringify(d));
  }
  function open(cb) {
    if (db) return cb(db);
    var req = indexedDB.open('fg-kiosk', 1);
    req.onupgradeneeded = function () { req.result.createObjectStore('queue', { keyPath: 'client_key' }); };
    req.onsuccess = function () { db = req.result; cb(db); };
    req.onerror = function () { cb(null); };
  }
  function store(mode) { return db.transaction('queue', mode).objectStore('queue'); }
  function queued(cb) {
    open(function (d) {
      if (!d) return cb([]);
      var r = store('readonly').getAll();
      r.onsuccess = function () { cb(r.result || []); };
      r.onerror = function () { cb([]); };
    });
  }
  function say(text) { status.textContent = text; }

  var flushing = false;
  function flush() {
    if (flushing) return;
    flushing = true;
    queued(function (items) {
      var i = 0;
      function next() {
        if (i >= items.length) { flushing = false; say(''); return; }
        var item = items[i++];
        fetch('/api/v1/kiosk/ratings', {
          method: 'POST', credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json', 'X-Kiosk': '1', 'Idempotency-Key': item.client_key },
          body: JSON.stringify(item)
        }).then(function (res) {
          // Stored (201), stored before (200), already rated or refused for good (4xx): leave the queue.
          if (res.status < 500 && res.status !== 401 && res.status !== 429) store('readwrite').delete(item.client_key);
          if (res.status >= 500 || res.status === 429) throw new Error('later');
          next();
        }).catch(function () {
          flushing = false;
          say('Mất kết nối mạng: ' + (items.length - i + 1) + ' đánh giá đang chờ gửi.');
        });
      }
      next();
    });
  }

  function reset() {
    form.reset();
    form.elements.client_key.value = key();
    form.elements.dossier_id.value = '';
    var line = document.getElementById('kiosk-dossier');
    if (line && shown) line.textContent = 'Mời ông/bà đánh giá sự hài lòng.';
    shown = '';
    reasons.hidden = true;
    send.hidden = true;
    thanks.hidden = true;
    form.hidden = false;
  }

  function submit() {
    var level = form.querySelector('input[name=level]:checked');
    if (!level) return;
    var item = {
      client_key: form.elements.client_key.value || key(),
      level: level.value,
      reasons: Array.prototype.map.call(form.querySelectorAll('input[name=reasons]:checked'), function (c) { return c.value; }),
      comment: ''
    };
    var dossier = parseInt(form.elements.dossier_id.value, 10);
    if (dossier > 0) item.dossier_id = dossier;
    markDone(dossier);
    open(function (d) {
      if (d) store('readwrite').put(item);
      form.hidden = true;
      thanks.hidden = false;
      setTimeout(reset, resetMs);
      if (d) flush();
    });
  }

  form.addEventListener('change', function (e) {
    if (e.target.name !== 'level') return;
    if (e.target.getAttribute('data-reasons')) {
      reasons.hidden = false;
      send.hidden = false;
      send.focus();
    } else {
      submit();
    }
  });
  form.addEventListener('submit', function (e) { e.preventDefault(); submit(); });

  function poll() {
    flush();
    fetch('/api/v1/kiosk/state', { credentials: 'same-origin', cache: 'no-store' }).then(function (res) {
      if (res.status === 401) { location.href = '/kiosk'; return null; }
      return res.ok ? res.json() : null;
    }).then(function (s) {
      if (!s || !s.dossier_id || form.hidden) return;
      var id = String(s.dossier_id);
      if (id !== shown && done().indexOf(id) < 0 && thanks.hidden) location.href = '/kiosk';
    }).catch(function () { /* offline: keep the screen */ });
  }

  var voice = document.getElementById('kiosk-voice');
  var VOICE = 'fg-kiosk-voice';
  if (voice && 'speechSynthesis' in window) {
    document.getElementById('kiosk-voice-line').hidden = false;
    voice.checked = localStorage.getItem(VOICE) === '1';
    voice.addEventListener('change', function () { localStorage.setItem(VOICE, voice.checked ? '1' : '0'); });
    if (voice.checked && shown && thanks.hidden) {
      var prompt = new SpeechSynthesisUtterance(root.getAttribute('data-prompt'));
      prompt.lang = 'vi-VN';
      window.speechSynthesis.speak(prompt);
    }
  }

  reasons.hidden = true;
  send.hidden = true;
  if (!thanks.hidden) setTimeout(function () { location.href = '/kiosk'; }, resetMs);
  window.addEventListener('online', flush);
  setInterval(poll, 3000);
  flush();
})();
