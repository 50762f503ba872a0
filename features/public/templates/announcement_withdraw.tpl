{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <p class="back"><a href="/desk/announcements?unit={{UNIT_URL}}">← Thông báo của {{UNIT_NAME}}</a></p>
  <h1>{{TITLE}}</h1>
  <dl class="summary">
    <div><dt>Thông báo</dt><dd>{{ITEM_TITLE}}</dd></div>
    <div><dt>Lịch phát</dt><dd>{{STARTS}} – {{ENDS}}, lúc {{TIMES}}</dd></div>
    <div><dt>Nơi phát</dt><dd>{{HAMLETS}}</dd></div>
  </dl>
  <p>Rút thông báo thì loa các ấp ngừng phát ngay. Nhật ký vẫn giữ các lần đã phát. Người dân thấy thông báo đã rút cùng lý do.</p>
  <form method="post" action="/desk/announcements/{{ID}}/withdraw" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <input type="hidden" name="version" value="{{VERSION}}">
    <div class="field{{#REASON_INVALID}} field-invalid{{/REASON_INVALID}}">
      <label for="reason">Lý do rút</label>
      <p class="hint" id="reason-hint">Người dân đọc được lý do này. Ví dụ: Buổi tiêm phòng dời sang tuần sau.</p>
      {{#REASON_INVALID}}<p class="field-error" id="reason-error"><span class="visually-hidden">Lỗi: </span>{{REASON_ERROR}}</p>{{/REASON_INVALID}}
      <textarea id="reason" name="reason" rows="3" maxlength="500" aria-describedby="reason-hint{{#REASON_INVALID}} reason-error{{/REASON_INVALID}}"{{#REASON_INVALID}} aria-invalid="true"{{/REASON_INVALID}}>{{F_REASON}}</textarea>
    </div>
    <div class="actions"><button type="submit" class="warning">Rút thông báo</button> <a class="button secondary" href="/desk/announcements?unit={{UNIT_URL}}">Không, quay lại</a></div>
  </form>
</section>
