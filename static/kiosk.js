// Kiosk mode of the portal (/xa/{code}/kiosk, ?kiosk=1): after a pause with
// no touch, key or scroll, the screen goes back to the start page, so that
// the next person does not see what the previous one looked at. The page
// works without this script (it only resets). Nothing is stored.
(function () {
  'use strict';
  var bar = document.querySelector('[data-kiosk-home]');
  if (!bar) return;
  var home = bar.getAttribute('data-kiosk-home');
  var idle = (parseInt(bar.getAttribute('data-kiosk-idle'), 10) || 90) * 1000;
  var timer = 0;
  function reset() {
    // Only this tab's storage: localStorage belongs to the whole site (a ratings
    // tablet keeps its pairing there) and the portal keeps nothing in it.
    try { window.sessionStorage.clear(); } catch (e) { /* storage off */ }
    // replace(): the page left is not kept in the tab's history.
    window.location.replace(home);
  }
  function arm() {
    window.clearTimeout(timer);
    timer = window.setTimeout(reset, idle);
  }
  ['pointerdown', 'keydown', 'touchstart', 'scroll', 'input'].forEach(function (type) {
    window.addEventListener(type, arm, { passive: true, capture: true });
  });
  arm();
})();
