{{%AUTOESCAPE context="HTML"}}<section class="kiosk" id="kiosk" data-reset="{{RESET_SECONDS}}" data-dossier="{{DOSSIER_ID}}" data-prompt="Xin mời ông/bà đánh giá sự hài lòng với cán bộ {{OFFICIAL}}: chạm vào một khuôn mặt trên màn hình.">
  <div class="kiosk-thanks" role="status" id="kiosk-thanks"{{#THANKS_HIDDEN}} hidden{{/THANKS_HIDDEN}}><h1>Cảm ơn ông/bà!</h1><p>Đánh giá đã được ghi nhận.</p></div>
  <form method="post" action="/kiosk/danh-gia" class="kiosk-form" id="kiosk-form"{{#FORM_HIDDEN}} hidden{{/FORM_HIDDEN}}>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <input type="hidden" name="client_key" value="{{CLIENT_KEY}}">
    <input type="hidden" name="dossier_id" value="{{DOSSIER_ID}}">
    {{#HAS_DOSSIER}}{{#HAS_PHOTO}}<img class="official-photo kiosk-photo" id="kiosk-photo" src="{{PHOTO_URL}}" alt="Cán bộ {{OFFICIAL}}" width="96" height="128">{{/HAS_PHOTO}}<p class="kiosk-dossier" id="kiosk-dossier">Hồ sơ <strong>{{CODE}}</strong> · {{PROCEDURE}}<br>Cán bộ: {{OFFICIAL}}</p>{{/HAS_DOSSIER}}
    {{#WAITING}}<p class="kiosk-dossier" id="kiosk-dossier">Bàn tiếp nhận của {{OFFICIAL}} · {{UNIT}}</p>{{/WAITING}}
    <fieldset class="faces kiosk-faces">
      <legend>Ông/bà có hài lòng không?</legend>
      {{#LEVEL}}<label class="face face-{{VALUE}}"><input type="radio" name="level" value="{{VALUE}}"{{#ASKS_REASONS}} data-reasons="1"{{/ASKS_REASONS}}><span class="face-icon" aria-hidden="true">{{FACE:none}}</span><span class="face-label">{{LABEL}}</span></label>
      {{/LEVEL}}
    </fieldset>
    <fieldset class="reasons" id="kiosk-reasons">
      <legend>Nếu chưa hài lòng, vì sao?</legend>
      {{#REASON}}<label class="check big-check"><input type="checkbox" name="reasons" value="{{VALUE}}"> {{LABEL}}</label>
      {{/REASON}}
    </fieldset>
    <button type="submit" class="big" id="kiosk-send">Gửi đánh giá</button>
  </form>
  <p class="kiosk-status" id="kiosk-status" role="status" aria-live="polite"></p>
  <p class="kiosk-voice" id="kiosk-voice-line" hidden><label class="check"><input type="checkbox" id="kiosk-voice"> Đọc lời mời bằng giọng nói khi có hồ sơ mới (cài đặt riêng của máy này)</label></p>
</section>
<script src="/danh-gia/kiosk.js" defer></script>
