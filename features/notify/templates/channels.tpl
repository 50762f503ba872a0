{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <p class="back"><a href="/desk/messages">← Tin nhắn báo cho người nộp</a></p>
  <h1>Kênh gửi thông báo: {{UNIT_NAME}} ({{UNIT_CODE}})</h1>
  <form method="get" action="/desk/notify/channels" class="filters" novalidate>
    <div class="field">
      <label for="unit">Mã đơn vị</label>
      <input class="w5" id="unit" name="unit" maxlength="20" autocomplete="off" value="{{UNIT_CODE}}">
    </div>
    <button type="submit" class="secondary">Xem</button>
  </form>
  <p>Tin nhắn báo cho người nộp được gửi qua các kênh đang dùng, theo thứ tự ưu tiên: kênh người nộp chọn trước, gửi không được thì chuyển sang kênh tiếp theo. Đơn vị chưa có kênh nào thì dùng các kênh của đơn vị cấp trên.</p>
  <p>{{SEGMENTS}}</p>
  {{#CAN_EDIT}}<form method="post" action="/desk/notify/channels?unit={{UNIT_URL}}" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    {{#CHANNEL}}<fieldset class="group">
      <legend>{{LABEL}}</legend>
      <label class="check"><input type="checkbox" id="{{NAME}}-use" name="{{NAME}}.use" value="1" {{USE_CHECKED}}> Dùng kênh này</label>
      <div class="field">
        <label for="{{NAME}}-position">Thứ tự ưu tiên</label>
        <select id="{{NAME}}-position" name="{{NAME}}.position">{{#POSITION}}<option value="{{N}}" {{SELECTED}}>{{N}}</option>{{/POSITION}}</select>
      </div>
      {{#FIELD}}{{#IS_CHECK}}<div class="field{{#INVALID}} field-invalid{{/INVALID}}">
        {{#INVALID}}<p class="field-error" id="{{ID}}-error"><span class="visually-hidden">Lỗi: </span>{{ERROR}}</p>{{/INVALID}}
        <label class="check"><input type="checkbox" id="{{ID}}" name="{{NAME}}" value="1" {{CHECKED}}{{#INVALID}} aria-invalid="true" aria-describedby="{{ID}}-error"{{/INVALID}}> {{LABEL}}</label>
      </div>{{/IS_CHECK}}{{#IS_INPUT}}<div class="field{{#INVALID}} field-invalid{{/INVALID}}">
        <label for="{{ID}}">{{LABEL}}</label>
        {{#HINT}}<p class="hint" id="{{ID}}-hint">{{TEXT}}</p>{{/HINT}}
        {{#INVALID}}<p class="field-error" id="{{ID}}-error"><span class="visually-hidden">Lỗi: </span>{{ERROR}}</p>{{/INVALID}}
        {{#TEXTAREA}}<textarea id="{{ID}}" name="{{NAME}}" rows="3" maxlength="2000"{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}{{#INVALID}} aria-invalid="true"{{/INVALID}}>{{VALUE:pre_escape}}</textarea>{{/TEXTAREA}}{{#LINE}}<input id="{{ID}}" name="{{NAME}}" type="{{TYPE}}" maxlength="500" autocomplete="{{AUTOCOMPLETE}}" value="{{VALUE}}"{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}{{#INVALID}} aria-invalid="true"{{/INVALID}}>{{/LINE}}
      </div>{{/IS_INPUT}}{{/FIELD}}
    </fieldset>{{/CHANNEL}}
    <div class="actions">
      <button type="submit">Lưu các kênh</button>
    </div>
  </form>{{/CAN_EDIT}}
  {{#READ_ONLY}}<p>Chỉ quản trị viên của đơn vị mới thay đổi được các kênh.</p>
  {{#NONE}}<p>Đơn vị chưa có kênh riêng.</p>{{/NONE}}
  {{#HAS_ROWS}}<div class="table-wrap" role="region" aria-labelledby="channels-caption" tabindex="0"><table class="stack">
    <caption id="channels-caption">Các kênh theo thứ tự ưu tiên</caption>
    <thead><tr><th scope="col">Thứ tự</th><th scope="col">Kênh</th><th scope="col">Cài đặt</th></tr></thead>
    <tbody>{{#ROW}}<tr><td data-label="Thứ tự">{{N}}</td><td data-label="Kênh">{{LABEL}}</td><td data-label="Cài đặt">{{#SETTING}}{{KEY}}: {{VALUE}}<br>{{/SETTING}}</td></tr>{{/ROW}}</tbody>
  </table></div>{{/HAS_ROWS}}{{/READ_ONLY}}
</section>
