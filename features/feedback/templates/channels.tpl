{{%AUTOESCAPE context="HTML"}}<section class="panel narrow">
  <p><a href="/feedback">Sổ theo dõi phản ánh, kiến nghị</a></p>
  <h1>Kết nối Zalo và Facebook</h1>
  <p class="lead">Tin nhắn người dân gửi đến trang Zalo OA hoặc Facebook của đơn vị được ghi vào sổ theo dõi như một góp ý, mỗi tin một lần. Khóa bí mật chỉ dùng để kiểm tra chữ ký của tin gửi đến, không bao giờ hiện lại ở đây.</p>
  <form method="get" action="/feedback/kenh" class="stats-filters" novalidate>
    <div class="field">
      <label for="unit">Đơn vị</label>
      <select id="unit" name="unit">{{#UNIT_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/UNIT_OPTION}}</select>
    </div>
    <button type="submit" class="secondary">Xem</button>
  </form>
  {{#CHANNEL}}
  <h2 id="{{NAME}}-heading">{{LABEL}}</h2>
  <p class="status-line" id="{{NAME}}-status">{{#CONNECTED}}<strong>Đã kết nối</strong>{{#HAS_APP_ID}} (mã ứng dụng {{APP_ID}}){{/HAS_APP_ID}}, cập nhật {{UPDATED}}.{{/CONNECTED}}{{#NOT_CONNECTED}}<strong>Chưa kết nối.</strong>{{/NOT_CONNECTED}}</p>
  <p>Địa chỉ nhận tin (webhook) để khai báo trên {{LABEL}}: <code class="code-text" id="{{NAME}}-webhook">{{WEBHOOK}}</code></p>
  <form method="post" action="/feedback/kenh" novalidate aria-labelledby="{{NAME}}-heading">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <input type="hidden" name="unit" value="{{UNIT_CODE}}">
    <input type="hidden" name="channel" value="{{NAME}}">
    {{#ASKS_APP_ID}}<div class="field{{#APP_ID_INVALID}} field-invalid{{/APP_ID_INVALID}}">
      <label for="{{NAME}}_app_id">Mã ứng dụng (App ID)</label>
      {{#APP_ID_INVALID}}<p class="field-error" id="{{NAME}}_app_id-error"><span class="visually-hidden">Lỗi: </span>{{APP_ID_ERROR}}</p>{{/APP_ID_INVALID}}
      <input id="{{NAME}}_app_id" name="{{NAME}}_app_id" maxlength="100" autocomplete="off" value="{{APP_ID_VALUE}}"{{#APP_ID_INVALID}} aria-describedby="{{NAME}}_app_id-error" aria-invalid="true"{{/APP_ID_INVALID}}>
    </div>{{/ASKS_APP_ID}}
    <div class="field{{#SECRET_INVALID}} field-invalid{{/SECRET_INVALID}}">
      <label for="{{NAME}}_secret">{{SECRET_LABEL}}</label>
      <p class="hint" id="{{NAME}}_secret-hint">{{#CONNECTED}}Nhập khóa mới để thay khóa đang dùng.{{/CONNECTED}}{{#NOT_CONNECTED}}Lấy trong trang quản lý ứng dụng của {{LABEL}}.{{/NOT_CONNECTED}}</p>
      {{#SECRET_INVALID}}<p class="field-error" id="{{NAME}}_secret-error"><span class="visually-hidden">Lỗi: </span>{{SECRET_ERROR}}</p>{{/SECRET_INVALID}}
      <input type="password" id="{{NAME}}_secret" name="{{NAME}}_secret" maxlength="200" autocomplete="off" aria-describedby="{{NAME}}_secret-hint{{#SECRET_INVALID}} {{NAME}}_secret-error{{/SECRET_INVALID}}"{{#SECRET_INVALID}} aria-invalid="true"{{/SECRET_INVALID}}>
    </div>
    <button type="submit">{{#CONNECTED}}Cập nhật kết nối{{/CONNECTED}}{{#NOT_CONNECTED}}Kết nối{{/NOT_CONNECTED}}</button>
  </form>
  {{/CHANNEL}}
</section>
