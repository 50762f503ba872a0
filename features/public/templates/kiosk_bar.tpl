{{%AUTOESCAPE context="HTML"}}<div class="kiosk-bar" data-kiosk-home="{{KIOSK_HOME}}" data-kiosk-idle="{{KIOSK_IDLE}}">
    <a class="button secondary" id="kiosk-home" href="{{KIOSK_HOME}}">Về trang đầu</a>
    <p class="hint">Màn hình tự về trang đầu sau {{KIOSK_IDLE}} giây không dùng. Máy này không lưu thông tin bạn xem hay nhập.</p>
  </div>
  <script src="/static/kiosk.js" defer></script>
